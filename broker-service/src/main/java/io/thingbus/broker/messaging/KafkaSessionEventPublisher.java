package io.thingbus.broker.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.thingbus.broker.config.BrokerInstance;
import io.thingbus.broker.config.LifecycleConfig;
import io.thingbus.broker.domain.SessionEventSink;
import io.thingbus.contracts.Header;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaClientSettings;
import io.thingbus.kafka.KafkaHeaders;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
    /** Kafka's default producer timeouts: an event is given up on (and counted failed) after two minutes. */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX_BLOCK = Duration.ofSeconds(30);
    private static final List<String> EVENTS = List.of(SessionEventRecord.CONNECTED, SessionEventRecord.DISCONNECTED,
            SessionEventRecord.SUBSCRIBED, SessionEventRecord.UNSUBSCRIBED);

    private final SerialKafkaSender sender;
    private final String source;
    private final Map<String, Counter> sent = new HashMap<>();
    private final Map<String, Counter> failed = new HashMap<>();

    KafkaSessionEventPublisher(KafkaClientSettings kafka, LifecycleConfig config, BrokerInstance instance,
            MeterRegistry registry) {
        this.sender = new SerialKafkaSender(new KafkaProducer<>(producerSettings(kafka, instance),
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
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.LIFECYCLE, null,
                event.at().toEpochMilli(), event.key(), SessionEventRecord.CODEC.encode(event));
        KafkaHeaders.addAll(record.headers(), List.of(
                new Header(RecordHeaders.CE_SPECVERSION, RecordHeaders.CLOUDEVENTS_VERSION),
                new Header(RecordHeaders.CE_ID, id),
                new Header(RecordHeaders.CE_TYPE, SessionEventRecord.TYPE),
                new Header(RecordHeaders.CE_SOURCE, source),
                new Header(RecordHeaders.CE_TIME, event.at().toString()),
                new Header(RecordHeaders.CONTENT_TYPE, "application/json"),
                new Header(RecordHeaders.TENANT, event.tenant().value())));
        return record;
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

    /**
     * The shared idempotent {@code acks=all} producer ({@link KafkaClientSettings#producer}) with a short linger and
     * Kafka's default timeouts, without the consumer group Quarkus adds to {@code kafka.*}.
     */
    static Map<String, Object> producerSettings(KafkaClientSettings kafka, BrokerInstance instance) {
        Map<String, Object> settings = new HashMap<>(
                kafka.producer("thingbus-broker-lifecycle-" + instance.id(), DELIVERY_TIMEOUT));
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
        return settings;
    }

    private static Counter counter(MeterRegistry registry, String event, String outcome) {
        return Counter.builder(METRIC).tag("event", event).tag("outcome", outcome).description(HELP)
                .register(registry);
    }
}
