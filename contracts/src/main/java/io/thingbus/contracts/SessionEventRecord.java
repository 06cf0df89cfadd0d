package io.thingbus.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One step in the life of an MQTT session as the broker saw it, on {@link Topics#LIFECYCLE}.
 * Key: {@link #key()} = {@code <tenant>/<client id>} (a tenant id has no {@code /}, so the key splits at the first one),
 * which keeps one client's events in order. Type: {@value #TYPE}.
 *
 * <p>Readers build the live view from these: a {@code connected} opens connection {@code connection_id}, a
 * {@code disconnected} closes it — but only if it is still the client's current connection (a client that moved to
 * another broker instance is connected again before the old instance reports the loss). {@code subscribed} and
 * {@code unsubscribed} list only the filters that changed.
 *
 * @param transport {@code tcp}, {@code tls}, {@code ws} or {@code wss}; null for subscription events
 * @param protocolVersion {@code 3.1}, {@code 3.1.1} or {@code 5}; null for subscription events
 * @param reason why a session ended ({@code client}, {@code server}, {@code lost}, {@code takeover}); null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionEventRecord(
        @JsonProperty("event") String event,
        @JsonProperty("tenant") TenantId tenant,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("connection_id") String connectionId,
        @JsonProperty("broker") String broker,
        @JsonProperty("token_hash") SecretHash tokenHash,
        @JsonProperty("transport") String transport,
        @JsonProperty("protocol_version") String protocolVersion,
        @JsonProperty("subscriptions") List<SessionSubscription> subscriptions,
        @JsonProperty("reason") String reason,
        @JsonProperty("at") Instant at) {

    public static final String TYPE = "io.thingbus.session-event.v1";
    public static final JsonRecordCodec<SessionEventRecord> CODEC = JsonRecordCodec.of(SessionEventRecord.class);

    public static final String CONNECTED = "connected";
    public static final String DISCONNECTED = "disconnected";
    public static final String SUBSCRIBED = "subscribed";
    public static final String UNSUBSCRIBED = "unsubscribed";

    @JsonCreator
    public SessionEventRecord {
        Objects.requireNonNull(event, "event");
        if (!List.of(CONNECTED, DISCONNECTED, SUBSCRIBED, UNSUBSCRIBED).contains(event)) {
            throw new IllegalArgumentException("unknown session event: " + event);
        }
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(clientId, "client_id");
        Objects.requireNonNull(connectionId, "connection_id");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(at, "at");
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    }

    public String key() {
        return tenant.value() + "/" + clientId;
    }

    /**
     * A subscription of a session. {@code device_id} is the broker's reading of the filter (consumers never parse MQTT
     * topics): the device whose downlink topic the filter covers, {@code *} when it covers every device of the token
     * ({@code <TOKEN>/#}), or null when it covers no downlink topic.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionSubscription(
            @JsonProperty("filter") String filter,
            @JsonProperty("qos") int qos,
            @JsonProperty("device_id") String deviceId) {

        public static final String ALL_DEVICES = "*";

        @JsonCreator
        public SessionSubscription {
            Objects.requireNonNull(filter, "filter");
        }
    }
}
