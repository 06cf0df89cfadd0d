package io.thingbus.device.messaging;

import io.thingbus.contracts.AttributeUpdateRecord;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.device.domain.AttributePatch;
import io.thingbus.device.domain.DeviceAttributes;
import java.util.Optional;

/**
 * What a record of {@code thingbus.attributes.v1} means for the registry: client-side attributes to store. Shared
 * updates are this service's own announcements (written through its outbox) and other record types mean nothing
 * here. Pure.
 */
final class AttributeRecords {

    private AttributeRecords() {
    }

    /**
     * @param type the record's {@code ce_type}
     * @return the report, or empty for records the registry does not need
     * @throws MalformedRecordException when the value does not follow the schema, or names an invalid attribute key
     */
    static Optional<DeviceAttributes.Report> read(String type, byte[] value) {
        if (!AttributeUpdateRecord.TYPE.equals(type)) {
            return Optional.empty();
        }
        AttributeUpdateRecord update = AttributeUpdateRecord.CODEC.decode(value);
        if (!AttributeUpdateRecord.CLIENT.equals(update.scope())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DeviceAttributes.Report(update.key(), AttributePatch.of(update.values())));
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("invalid attribute update: " + e.getMessage(), e);
        }
    }
}
