package io.thingbus.command.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.Startup;
import io.thingbus.command.config.PublishConfig;
import io.thingbus.command.domain.DownlinkSender;
import io.thingbus.command.domain.DownlinkUnavailableException;
import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaClientSettings;
import io.thingbus.kafka.KafkaHeaders;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/**
 * Writes downlink records to {@link Topics#DOWNLINK}: key {@code <tenant>/<device>}, the payload as the value, the
 * record's CloudEvents and MQTT metadata as headers. The producer is idempotent with {@code acks=all}; a send returns
 * only after Kafka acknowledged the record. Counts {@code thingbus.command.downlink.sent} and
 * {@code thingbus.command.downlink.failures}. Created at start-up, so invalid Kafka settings stop the service.
 * Thread-safe (one shared producer).
 */
@Startup
@Singleton
public class KafkaDownlinkSender implements DownlinkSender {

    private static final Logger LOG = Logger.getLogger(KafkaDownlinkSender.class);
    private static final String CLIENT_ID = "command-service-downlink";
    /** Extra wait beyond the producer's own delivery timeout, so the producer's verdict normally comes first. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final Producer<String, byte[]> producer;
    private final Duration deliveryTimeout;
    private final AutoCloseable clientMetrics;
    private final Counter sent;
    private final Counter failures;

    @Inject
    public KafkaDownlinkSender(KafkaClientSettings kafka, PublishConfig config, MeterRegistry registry) {
        this.deliveryTimeout = config.deliveryTimeout();
        KafkaProducer<String, byte[]> kafkaProducer = new KafkaProducer<>(producerProperties(kafka, deliveryTimeout));
        KafkaClientMetrics metrics = new KafkaClientMetrics(kafkaProducer);
        metrics.bindTo(registry);
        this.producer = kafkaProducer;
        this.clientMetrics = metrics;
        this.sent = Counter.builder("thingbus.command.downlink.sent")
                .description("Downlink records Kafka acknowledged").register(registry);
        this.failures = Counter.builder("thingbus.command.downlink.failures")
                .description("Downlink records Kafka did not acknowledge in time (answered 503)").register(registry);
    }

    /**
     * The producer's settings: {@link KafkaClientSettings#producer} (idempotence, {@code acks=all}, timeouts bounded
     * by {@code deliveryTimeout}: waiting for metadata, and for the acknowledgement), plus no lingering and no
     * transactions, which cannot be overridden either.
     */
    static Map<String, Object> producerProperties(KafkaClientSettings kafka, Duration deliveryTimeout) {
        Map<String, Object> properties = new HashMap<>(kafka.producer(CLIENT_ID, deliveryTimeout));
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return properties;
    }

    @Override
    public void send(DownlinkRecord record) {
        try {
            producer.send(toProducerRecord(record))
                    .get(deliveryTimeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
            sent.increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(record, "interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw failed(record, "Kafka did not acknowledge it: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw failed(record, "no acknowledgement from Kafka within " + deliveryTimeout.plus(GRACE), e);
        } catch (KafkaException e) {
            throw failed(record, "Kafka refused it: " + e.getMessage(), e);
        }
    }

    static ProducerRecord<String, byte[]> toProducerRecord(DownlinkRecord record) {
        ProducerRecord<String, byte[]> kafkaRecord = new ProducerRecord<>(Topics.DOWNLINK, record.key().asString(),
                record.payload());
        KafkaHeaders.addAll(kafkaRecord.headers(), record.headers());
        return kafkaRecord;
    }

    private DownlinkUnavailableException failed(DownlinkRecord record, String reason, Throwable cause) {
        failures.increment();
        LOG.warnf("downlink record %s not confirmed: %s", record.id(), reason);
        return new DownlinkUnavailableException("downlink record " + record.id() + " not confirmed: " + reason,
                cause);
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
        try {
            clientMetrics.close();
        } catch (Exception e) {
            LOG.debugf("closing the producer metrics failed: %s", e.getMessage());
        }
    }
}
