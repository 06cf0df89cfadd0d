package io.thingbus.device.domain;

import io.thingbus.contracts.ApiKeyRecord;
import io.thingbus.contracts.AttributeUpdateRecord;
import io.thingbus.contracts.DeviceClaimRecord;
import io.thingbus.contracts.DeviceCredentialRecord;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The outbox messages that announce registry changes, in the records, keys and topics of the Kafka contract. */
public final class OutboxMessages {

    private OutboxMessages() {
    }

    public static OutboxMessage deviceTokenIssued(TenantId owner, DeviceToken token, Instant createdAt) {
        SecretHash hash = token.hash();
        byte[] value = DeviceCredentialRecord.CODEC.encode(new DeviceCredentialRecord(hash, owner, createdAt));
        return credential(owner, hash, value, createdAt);
    }

    public static OutboxMessage deviceTokenRevoked(TenantId owner, DeviceToken token, Instant now) {
        return credential(owner, token.hash(), null, now);
    }

    public static OutboxMessage apiKeyIssued(TenantId owner, SecretHash keyHash, Plan plan, Instant createdAt) {
        byte[] value = ApiKeyRecord.CODEC.encode(new ApiKeyRecord(keyHash, owner, plan.value(), createdAt));
        return apiKey(owner, keyHash, value, createdAt);
    }

    public static OutboxMessage apiKeyRevoked(TenantId owner, SecretHash keyHash, Instant now) {
        return apiKey(owner, keyHash, null, now);
    }

    public static OutboxMessage deviceChanged(Device device) {
        byte[] value = DeviceRecord.CODEC.encode(device.toRecord());
        return deviceMessage(device.key(), value, device.updatedAt());
    }

    public static OutboxMessage deviceDeleted(DeviceKey key, Instant now) {
        return deviceMessage(key, null, now);
    }

    /** The shared attributes of {@code device} that changed: new values, JSON null for deleted keys. */
    public static OutboxMessage sharedAttributesChanged(DeviceKey device, AttributePatch changes, Instant now) {
        AttributeUpdateRecord record = new AttributeUpdateRecord(device.tenant(), device.device(),
                AttributeScope.SHARED.wireName(), changes.toJson(), null, now);
        return new OutboxMessage(UUID.randomUUID(), Topics.ATTRIBUTES, device.asString(),
                AttributeUpdateRecord.CODEC.encode(record), AttributeUpdateRecord.TYPE, device.tenant(),
                Optional.of(device.device().value()), now);
    }

    /**
     * {@code claimer} claimed {@code formerDevice} away from its tenant: a {@link DeviceClaimRecord} keyed by the
     * former device key, in the former owner's tenant.
     */
    public static OutboxMessage deviceClaimedAway(DeviceKey formerDevice, TenantId claimer, Instant claimedAt) {
        DeviceClaimRecord record =
                new DeviceClaimRecord(formerDevice.tenant(), formerDevice.device(), claimer, claimedAt);
        return claimMessage(formerDevice, DeviceClaimRecord.CODEC.encode(record), claimedAt);
    }

    /** The tenant of {@code formerDevice} has the device again: a tombstone under its key on the device-claims topic. */
    public static OutboxMessage deviceOwnedAgain(DeviceKey formerDevice, Instant now) {
        return claimMessage(formerDevice, null, now);
    }

    private static OutboxMessage credential(TenantId owner, SecretHash hash, byte[] value, Instant time) {
        return new OutboxMessage(UUID.randomUUID(), Topics.DEVICE_CREDENTIALS, hash.value(), value,
                DeviceCredentialRecord.TYPE, owner, Optional.empty(), time);
    }

    private static OutboxMessage apiKey(TenantId owner, SecretHash hash, byte[] value, Instant time) {
        return new OutboxMessage(UUID.randomUUID(), Topics.API_KEYS, hash.value(), value, ApiKeyRecord.TYPE, owner,
                Optional.empty(), time);
    }

    private static OutboxMessage claimMessage(DeviceKey formerDevice, byte[] value, Instant time) {
        return new OutboxMessage(UUID.randomUUID(), Topics.DEVICE_CLAIMS, formerDevice.asString(), value,
                DeviceClaimRecord.TYPE, formerDevice.tenant(), Optional.of(formerDevice.device().value()), time);
    }

    private static OutboxMessage deviceMessage(DeviceKey key, byte[] value, Instant time) {
        return new OutboxMessage(UUID.randomUUID(), Topics.DEVICES, key.asString(), value, DeviceRecord.TYPE,
                key.tenant(), Optional.of(key.device().value()), time);
    }
}
