package io.thingbus.broker.domain;

import io.thingbus.contracts.AttributeRequestRecord;
import io.thingbus.contracts.AttributeUpdateRecord;
import io.thingbus.contracts.ClaimRequestRecord;
import io.thingbus.contracts.MqttOrigin;
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TelemetryRecord;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One record an accepted publish becomes, with the MQTT side it came from. The {@link UplinkSink} knows which topic
 * each kind goes to. A gateway publish may become several; the edge also makes sub-device events on its own
 * (re-announcements, {@link SubdeviceOwnership}).
 */
public sealed interface Uplink {

    /** When the edge accepted the publish (the Kafka record's timestamp). */
    Instant acceptedAt();

    /**
     * Telemetry of one device. Its {@code time} may be the device's own timestamp, while {@code acceptedAt} is when
     * the edge took it.
     */
    record Telemetry(TelemetryRecord record, Instant acceptedAt) implements Uplink {
        public Telemetry {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(acceptedAt, "acceptedAt");
        }
    }

    /**
     * A gateway's sub-device connected or disconnected. {@code origin} is the gateway's publish that said so; empty
     * when the edge re-announces the device on its own because its owner changed (see {@link SubdeviceOwnership}).
     */
    record SubdeviceEvent(SubdeviceEventRecord record, Optional<MqttOrigin> origin) implements Uplink {
        public SubdeviceEvent {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(origin, "origin");
        }

        /** What the gateway announced in a publish made on {@code origin}. */
        public SubdeviceEvent(SubdeviceEventRecord record, MqttOrigin origin) {
            this(record, Optional.of(Objects.requireNonNull(origin, "origin")));
        }

        /** An event the edge makes without a publish: a device re-announced under its new owner. */
        public static SubdeviceEvent reannounced(SubdeviceEventRecord record) {
            return new SubdeviceEvent(record, Optional.empty());
        }

        @Override
        public Instant acceptedAt() {
            return record.at();
        }
    }

    /** Client attributes reported for a device. */
    record AttributeUpdate(AttributeUpdateRecord record, MqttOrigin origin) implements Uplink {
        public AttributeUpdate {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public Instant acceptedAt() {
            return record.at();
        }
    }

    /** A request for attribute values. */
    record AttributeRequest(AttributeRequestRecord record, MqttOrigin origin) implements Uplink {
        public AttributeRequest {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public Instant acceptedAt() {
            return record.at();
        }
    }

    /** An answer to a server-side RPC. */
    record RpcResponse(RpcResponseRecord record, MqttOrigin origin) implements Uplink {
        public RpcResponse {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public Instant acceptedAt() {
            return record.at();
        }
    }

    /** A claiming window opened for a device. */
    record ClaimRequest(ClaimRequestRecord record, MqttOrigin origin) implements Uplink {
        public ClaimRequest {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public Instant acceptedAt() {
            return record.at();
        }
    }
}
