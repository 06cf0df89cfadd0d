package io.thingbus.broker.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.thingbus.broker.config.BrokerInstance;
import io.thingbus.broker.config.LifecycleConfig;
import io.thingbus.broker.domain.SessionEventSink;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Writes session lifecycle events to {@link Topics#LIFECYCLE}: key = {@code <tenant>/<client id>}, value = the
 * {@link SessionEventRecord} as JSON, headers = CloudEvents binary mode ({@code ce_type} {@value SessionEventRecord#TYPE},
 * a fresh {@code ce_id}, this instance as {@code ce_source}, the event's time as {@code ce_time}) plus
 * {@code content-type} and {@code tb_tenant}; record timestamp = the event's time. The producer is idempotent with
 * {@code acks=all}.
 *
 * <p>Fire-and-forget: {@link #send} never blocks (a {@link SerialKafkaSender} with a bounded queue) and never holds an
 * MQTT client; an event Kafka does not store is logged and counted
 * ({@code thingbus_broker_lifecycle_events_total{outcome="failed"}}).
 */
@Singleton
public class KafkaSessionEventPublisher implements SessionEventSink {

    private static final Logger LOG = Logger.getLogger(KafkaSessionEventPublisher.class);
    private static final String METRIC = "thingbus.broker.lifecycle.events";
    private static final String HELP = "Session lifecycle events by type and outcome: sent (stored in Kafka) or failed";
    private static final List<String> EVENTS = List.of(SessionEventRecord.CONNECTED, SessionEventRecord.DISCONNECTED,
            SessionEventRecord.SUBSCRIBED, SessionEventRecord.UNSUBSCRIBED);

    private final SerialKafkaSender sender;
    private final String source;
    private final Map<String, Counter> sent = new HashMap<>();
    private final Map<String, Counter> failed = new HashMap<>();

    KafkaSessionEventPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            LifecycleConfig config, BrokerInstance instance, MeterRegistry registry) {
        this.sender = new SerialKafkaSender(new KafkaProducer<>(producerSettings(kafkaConfig, instance),
                new StringSerializer(), new ByteArraySerializer()), config.maxPending(), "lifecycle");
        this.source = instance.source();
        for (String event : EVENTS) {
            sent.put(event, counter(registry, event, "sent"));
            failed.put(event, counter(registry, event, "failed"));
        }
    }

    @Override
    public void send(SessionEventRecord event) {
        try {
            sender.send(toKafkaRecord(event, UUID.randomUUID().toString(), source))
                    .whenComplete((stored, error) -> count(event, error));
        } catch (RuntimeException e) {
            count(event, e);
        }
    }

    /** The Kafka form of a lifecycle event; the wire format documented for {@link Topics#LIFECYCLE}. */
    static ProducerRecord<String, byte[]> toKafkaRecord(SessionEventRecord event, String id, String source) {
        List<Header> headers = List.of(
                header(RecordHeaders.CE_SPECVERSION, RecordHeaders.CLOUDEVENTS_VERSION),
                header(RecordHeaders.CE_ID, id),
                header(RecordHeaders.CE_TYPE, SessionEventRecord.TYPE),
                header(RecordHeaders.CE_SOURCE, source),
                header(RecordHeaders.CE_TIME, event.at().toString()),
                header(RecordHeaders.CONTENT_TYPE, "application/json"),
                header(RecordHeaders.TENANT, event.tenant().value()));
        return new ProducerRecord<>(Topics.LIFECYCLE, null, event.at().toEpochMilli(), event.key(),
                SessionEventRecord.CODEC.encode(event), headers);
    }

    @PreDestroy
    void close() {
        sender.close();
    }

    private void count(SessionEventRecord event, Throwable error) {
        if (error == null) {
            sent.get(event.event()).increment();
            return;
        }
        failed.get(event.event()).increment();
        LOG.warnf("lifecycle event %s of %s was not stored: %s", event.event(), event.key(), error.getMessage());
    }

    static Map<String, Object> producerSettings(Map<String, Object> kafkaConfig, BrokerInstance instance) {
        Map<String, Object> settings = KafkaClientSettings.base(kafkaConfig, "thingbus-broker-lifecycle-" + instance.id());
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis());
        return settings;
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Counter counter(MeterRegistry registry, String event, String outcome) {
        return Counter.builder(METRIC).tag("event", event).tag("outcome", outcome).description(HELP)
                .register(registry);
    }
}
