package io.thingbus.broker.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.contracts.AttributeRequestRecord;
import io.thingbus.contracts.AttributeUpdateRecord;
import io.thingbus.contracts.ClaimRequestRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.MqttOrigin;
import io.thingbus.contracts.PayloadFormat;
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The edge's decision for one publish of a ThingsBoard gateway ({@code v1/gateway/...}): a pure function of the
 * publish and the gateway's connection. The gateway is a device: its device id is its MQTT client id, which must
 * therefore be a valid {@link DeviceId}; sub-device names must be valid device ids too.
 *
 * <table>
 * <caption>topic → records</caption>
 * <tr><td>{@code connect} / {@code disconnect}</td><td>one {@link SubdeviceEventRecord}</td></tr>
 * <tr><td>{@code telemetry}</td><td>one {@link TelemetryRecord} per point (see {@link GatewayTelemetryReader})</td></tr>
 * <tr><td>{@code attributes}</td><td>one client-scope {@link AttributeUpdateRecord} per device</td></tr>
 * <tr><td>{@code attributes/request}</td><td>one {@link AttributeRequestRecord}</td></tr>
 * <tr><td>{@code rpc}</td><td>one {@link RpcResponseRecord}</td></tr>
 * <tr><td>{@code claim}</td><td>one {@link ClaimRequestRecord} per device</td></tr>
 * </table>
 *
 * <p>Every record is about one sub-device and belongs to its current owner ({@link DeviceOwners}): the gateway's own
 * user, or the user who claimed the device away from it. Telemetry, attributes, attribute requests, RPC answers and
 * claim requests carry that owner as their tenant (key {@code <owner>/<device>}); a sub-device event keeps the
 * gateway's tenant and key (one gateway's events stay in order) and names the owner in {@code device_tenant} when it
 * is another user. Telemetry carries the gateway's token hash ({@code tb_token_hash}) only for the gateway's own
 * user's devices: a claimed device's data is its owner's, and the gateway's token is not one of the owner's.
 *
 * <p>A message that is not JSON, not an object or misses a required field is refused as a whole. In batches
 * (telemetry, attributes, claim) an invalid entry is left out and listed while the valid ones are forwarded; a batch
 * without any valid entry is refused.
 *
 * <p>Non-blocking and thread-safe as long as the clock, the id supplier and the owner look-up are.
 */
public final class GatewayPublishMapper {

    private final Clock clock;
    private final Supplier<String> ids;
    private final String source;
    private final String broker;
    private final DeviceOwners owners;

    /**
     * @param ids a new unique telemetry record id per call (a random UUID in production)
     * @param source the CloudEvents source of telemetry records, e.g. {@code //thingbus/broker-service/<instance-id>}
     * @param broker this instance's id, as in sub-device events
     * @param owners who owns each sub-device the gateway names
     */
    public GatewayPublishMapper(Clock clock, Supplier<String> ids, String source, String broker, DeviceOwners owners) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.source = Objects.requireNonNull(source, "source");
        this.broker = Objects.requireNonNull(broker, "broker");
        this.owners = Objects.requireNonNull(owners, "owners");
    }

    /** Forward or refuse a publish to a gateway topic made on {@code connection}; never null, never throws. */
    public GatewayDecision decide(InboundPublish publish, MqttConnection connection) {
        Optional<GatewayTopic> topic = GatewayTopic.publishedAs(publish.topic());
        if (topic.isEmpty()) {
            return new GatewayDecision.Refuse(Refusal.gatewayTopicNotAllowed());
        }
        if (!DeviceId.isValid(connection.clientId())) {
            return new GatewayDecision.Refuse(Refusal.invalidGatewayId());
        }
        Context context = new Context(connection, DeviceId.of(connection.clientId()), origin(publish), clock.instant(),
                owners, new HashMap<>());
        try {
            return decide(topic.get(), GatewayJson.object(publish.payload()), context);
        } catch (MalformedGatewayMessage e) {
            return new GatewayDecision.Refuse(Refusal.invalidGatewayPayload(topic.get(), e.detail()));
        }
    }

    private GatewayDecision decide(GatewayTopic topic, ObjectNode message, Context context) {
        return switch (topic) {
            case CONNECT -> single(subdeviceEvent(SubdeviceEventRecord.CONNECTED, message, context));
            case DISCONNECT -> single(subdeviceEvent(SubdeviceEventRecord.DISCONNECTED, message, context));
            case TELEMETRY -> GatewayBatch.read(topic, message,
                    new GatewayTelemetryReader((device, time, values) -> telemetry(device, time, values, context)));
            case ATTRIBUTES -> GatewayBatch.read(topic, message,
                    (device, entry, batch) -> batch.add(attributes(device, entry, context)));
            case ATTRIBUTES_REQUEST -> single(attributeRequest(message, context));
            case RPC -> single(rpcResponse(message, context));
            case CLAIM -> GatewayBatch.read(topic, message,
                    (device, entry, batch) -> batch.add(claim(device, entry, context)));
            case ATTRIBUTES_RESPONSE -> throw new IllegalStateException("gateways do not publish " + topic.topic());
        };
    }

    private Uplink subdeviceEvent(String event, ObjectNode message, Context context) {
        DeviceId device = GatewayJson.device(message);
        String type = event.equals(SubdeviceEventRecord.CONNECTED) ? deviceType(message) : null;
        MqttConnection connection = context.connection();
        return new Uplink.SubdeviceEvent(new SubdeviceEventRecord(event, context.gatewayTenant(), device, type,
                context.gateway(), connection.clientId(), connection.connectionId(), broker,
                connection.identity().token().hash(), context.at(), context.ownerOf(device)), context.origin());
    }

    private static String deviceType(ObjectNode message) {
        Optional<String> type = GatewayJson.optionalText(message, "type").filter(t -> !t.isEmpty());
        if (type.isPresent() && (type.get().length() > GatewayJson.MAX_TEXT_LENGTH || type.get().isBlank()
                || type.get().chars().anyMatch(Character::isISOControl))) {
            throw new MalformedGatewayMessage("\"type\" must be 1-" + GatewayJson.MAX_TEXT_LENGTH
                    + " characters without control characters");
        }
        return type.orElse(null);
    }

    private Uplink telemetry(DeviceId device, Optional<Instant> time, ObjectNode values, Context context) {
        TenantId owner = context.ownerOf(device);
        TelemetryRecord record = new TelemetryRecord(ids.get(), time.orElse(context.at()), source, owner, device,
                Optional.empty(), PayloadFormat.JSON, Optional.of(context.origin()), GatewayJson.bytes(values),
                context.tokenHashFor(owner));
        return new Uplink.Telemetry(record, context.at());
    }

    private static Uplink attributes(DeviceId device, JsonNode entry, Context context) {
        if (!entry.isObject() || entry.isEmpty()) {
            throw new MalformedGatewayMessage("a device's attributes must be a non-empty JSON object");
        }
        return new Uplink.AttributeUpdate(new AttributeUpdateRecord(context.ownerOf(device), device,
                AttributeUpdateRecord.CLIENT, (ObjectNode) entry, context.gateway(), context.at()), context.origin());
    }

    private static Uplink attributeRequest(ObjectNode message, Context context) {
        String requestId = GatewayJson.requestId(message);
        DeviceId device = GatewayJson.device(message);
        JsonNode client = message.get("client");
        if (client == null || !client.isBoolean()) {
            throw new MalformedGatewayMessage("\"client\" must be true (client attributes) or false (shared attributes)");
        }
        String scope = client.booleanValue() ? AttributeUpdateRecord.CLIENT : AttributeUpdateRecord.SHARED;
        return new Uplink.AttributeRequest(new AttributeRequestRecord(context.ownerOf(device), device,
                scope, keys(message), requestId, context.gateway(), context.connection().clientId(),
                GatewayTopic.ATTRIBUTES_RESPONSE.topic(), context.at()), context.origin());
    }

    /** {@code "key"} and {@code "keys"} together, in order, without repetition; none = every key of the scope. */
    private static List<String> keys(ObjectNode message) {
        Set<String> keys = new LinkedHashSet<>();
        GatewayJson.optionalText(message, "key").ifPresent(key -> keys.add(attributeKey(key)));
        JsonNode list = message.get("keys");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new MalformedGatewayMessage("\"keys\" must be an array of attribute keys");
            }
            for (JsonNode key : (ArrayNode) list) {
                keys.add(attributeKey(key.isTextual() ? key.textValue() : ""));
            }
        }
        return new ArrayList<>(keys);
    }

    private static String attributeKey(String key) {
        if (key.isEmpty()) {
            throw new MalformedGatewayMessage("an attribute key must be a non-empty string");
        }
        return key;
    }

    private static Uplink rpcResponse(ObjectNode message, Context context) {
        DeviceId device = GatewayJson.device(message);
        String rpcId = GatewayJson.requestId(message);
        return new Uplink.RpcResponse(new RpcResponseRecord(context.ownerOf(device), device, rpcId,
                message.get("data"), context.gateway(), context.at()), context.origin());
    }

    private static Uplink claim(DeviceId device, JsonNode entry, Context context) {
        if (!entry.isObject()) {
            throw new MalformedGatewayMessage("a device's claim must be a JSON object,"
                    + " e.g. {\"secretKey\":\"...\",\"durationMs\":60000}");
        }
        ObjectNode claim = (ObjectNode) entry;
        SecretHash secret = SecretHash.of(GatewayJson.optionalText(claim, "secretKey").orElse(""));
        Long duration = GatewayJson.optionalPositiveLong(claim, "durationMs").orElse(null);
        return new Uplink.ClaimRequest(new ClaimRequestRecord(context.ownerOf(device), device,
                secret, duration, context.gateway(), context.at()), context.origin());
    }

    private static GatewayDecision single(Uplink record) {
        return new GatewayDecision.Forward(List.of(record), List.of());
    }

    private static MqttOrigin origin(InboundPublish publish) {
        return new MqttOrigin(publish.topic(), publish.qos(), publish.retain(), publish.clientId(),
                publish.userProperties());
    }

    /**
     * One gateway publish: the connection, the gateway's device id, the MQTT origin, when the edge took it, and who
     * owns the sub-devices it names — looked up once per device, so all records of one device in one publish have the
     * same owner even when a claim arrives meanwhile. Not thread-safe: one per publish.
     */
    private record Context(MqttConnection connection, DeviceId gateway, MqttOrigin origin, Instant at,
            DeviceOwners owners, Map<DeviceId, TenantId> ownersSeen) {

        TenantId gatewayTenant() {
            return connection.identity().tenant();
        }

        /** The current owner of the sub-device the gateway names {@code device}. */
        TenantId ownerOf(DeviceId device) {
            return ownersSeen.computeIfAbsent(device, d -> owners.ownerOf(gatewayTenant(), d));
        }

        /**
         * The gateway's token hash for a record of {@code owner}'s device: only when that is the gateway's own user —
         * the token is not one of another owner's, and must not be read as such.
         */
        Optional<SecretHash> tokenHashFor(TenantId owner) {
            return owner.equals(gatewayTenant()) ? Optional.of(connection.identity().token().hash()) : Optional.empty();
        }
    }
}
