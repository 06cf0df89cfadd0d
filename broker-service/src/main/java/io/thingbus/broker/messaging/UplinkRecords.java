package io.thingbus.broker.messaging;

import io.thingbus.broker.domain.Uplink;
import io.thingbus.contracts.AttributeRequestRecord;
import io.thingbus.contracts.AttributeUpdateRecord;
import io.thingbus.contracts.ClaimRequestRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.Header;
import io.thingbus.contracts.MqttOrigin;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaHeaders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The Kafka form of what device publishes become — the wire format documented in {@code docs/api/kafka.md}:
 * <ul>
 * <li>telemetry to {@link Topics#TELEMETRY}: key = the device key ({@code <tenant>/<device>}), value = the payload
 * bytes, headers = the record's CloudEvents and MQTT headers, timestamp = when the edge accepted the publish (a
 * gateway point's own {@code ts} is its {@code ce_time});</li>
 * <li>gateway control records as JSON ({@code <Type>.CODEC}): sub-device events to {@link Topics#LIFECYCLE} (key
 * {@code <tenant>/<gateway client id>}), attribute updates to {@link Topics#ATTRIBUTES}, attribute requests, RPC
 * responses and claim requests to {@link Topics#DEVICE_REQUESTS} (key = the device key); headers = CloudEvents binary
 * mode ({@code ce_specversion}, {@code ce_id}, {@code ce_type} = the record's type, {@code ce_source},
 * {@code ce_time} = the record's {@code at}, {@code ce_subject} = the device), {@code content-type:
 * application/json}, {@code tb_tenant}, {@code tb_device} and the MQTT origin ({@code mqtt_topic}, {@code mqtt_qos},
 * {@code mqtt_retain}, {@code mqtt_client_id}, {@code mqtt_up_<name>}; none for a sub-device event the edge made
 * without a publish, a re-announcement); timestamp = {@code at}.</li>
 * </ul>
 */
final class UplinkRecords {

    private static final String JSON = "application/json";

    private UplinkRecords() {
    }

    /** A telemetry record whose Kafka timestamp is its own time (ThingScale: when the edge accepted it). */
    static ProducerRecord<String, byte[]> of(TelemetryRecord record) {
        return telemetry(record, record.time());
    }

    /** @param id the {@code ce_id} of a control record; @param source its {@code ce_source} */
    static ProducerRecord<String, byte[]> of(Uplink uplink, String id, String source) {
        if (uplink instanceof Uplink.Telemetry telemetry) {
            return telemetry(telemetry.record(), telemetry.acceptedAt());
        }
        Control control = control(uplink);
        return withHeaders(new ProducerRecord<>(control.topic(), null, control.at().toEpochMilli(), control.key(),
                control.value()), headers(control, id, source));
    }

    private static ProducerRecord<String, byte[]> telemetry(TelemetryRecord record, Instant timestamp) {
        return withHeaders(new ProducerRecord<>(Topics.TELEMETRY, null, timestamp.toEpochMilli(),
                record.key().asString(), record.payload()), record.headers());
    }

    private static Control control(Uplink uplink) {
        if (uplink instanceof Uplink.SubdeviceEvent event) {
            SubdeviceEventRecord r = event.record();
            return new Control(Topics.LIFECYCLE, r.key(), SubdeviceEventRecord.TYPE, r.tenant(), r.deviceId(),
                    r.at(), SubdeviceEventRecord.CODEC.encode(r), event.origin());
        }
        if (uplink instanceof Uplink.AttributeUpdate update) {
            AttributeUpdateRecord r = update.record();
            return new Control(Topics.ATTRIBUTES, r.key().asString(), AttributeUpdateRecord.TYPE, r.tenant(),
                    r.deviceId(), r.at(), AttributeUpdateRecord.CODEC.encode(r), Optional.of(update.origin()));
        }
        if (uplink instanceof Uplink.AttributeRequest request) {
            AttributeRequestRecord r = request.record();
            return new Control(Topics.DEVICE_REQUESTS, r.key().asString(), AttributeRequestRecord.TYPE, r.tenant(),
                    r.deviceId(), r.at(), AttributeRequestRecord.CODEC.encode(r), Optional.of(request.origin()));
        }
        if (uplink instanceof Uplink.RpcResponse response) {
            RpcResponseRecord r = response.record();
            return new Control(Topics.DEVICE_REQUESTS, r.key().asString(), RpcResponseRecord.TYPE, r.tenant(),
                    r.deviceId(), r.at(), RpcResponseRecord.CODEC.encode(r), Optional.of(response.origin()));
        }
        Uplink.ClaimRequest claim = (Uplink.ClaimRequest) uplink;
        ClaimRequestRecord r = claim.record();
        return new Control(Topics.DEVICE_REQUESTS, r.key().asString(), ClaimRequestRecord.TYPE, r.tenant(),
                r.deviceId(), r.at(), ClaimRequestRecord.CODEC.encode(r), Optional.of(claim.origin()));
    }

    private static List<Header> headers(Control control, String id, String source) {
        List<Header> headers = new ArrayList<>();
        headers.add(new Header(RecordHeaders.CE_SPECVERSION, RecordHeaders.CLOUDEVENTS_VERSION));
        headers.add(new Header(RecordHeaders.CE_ID, id));
        headers.add(new Header(RecordHeaders.CE_TYPE, control.type()));
        headers.add(new Header(RecordHeaders.CE_SOURCE, source));
        headers.add(new Header(RecordHeaders.CE_TIME, control.at().toString()));
        headers.add(new Header(RecordHeaders.CE_SUBJECT, control.device().value()));
        headers.add(new Header(RecordHeaders.CONTENT_TYPE, JSON));
        headers.add(new Header(RecordHeaders.TENANT, control.tenant().value()));
        headers.add(new Header(RecordHeaders.DEVICE, control.device().value()));
        control.origin().ifPresent(origin -> addMqttHeaders(headers, origin));
        return headers;
    }

    private static void addMqttHeaders(List<Header> headers, MqttOrigin origin) {
        headers.add(new Header(RecordHeaders.MQTT_TOPIC, origin.topic()));
        headers.add(new Header(RecordHeaders.MQTT_QOS, Integer.toString(origin.qos())));
        headers.add(new Header(RecordHeaders.MQTT_RETAIN, Boolean.toString(origin.retain())));
        headers.add(new Header(RecordHeaders.MQTT_CLIENT_ID, origin.clientId()));
        origin.userProperties().forEach(p ->
                headers.add(new Header(RecordHeaders.MQTT_USER_PROPERTY_PREFIX + p.name(), p.value())));
    }

    private static ProducerRecord<String, byte[]> withHeaders(ProducerRecord<String, byte[]> record,
            List<Header> headers) {
        KafkaHeaders.addAll(record.headers(), headers);
        return record;
    }

    /** What a control record's Kafka form is made of. */
    private record Control(String topic, String key, String type, TenantId tenant, DeviceId device, Instant at,
            byte[] value, Optional<MqttOrigin> origin) {
    }
}
