package io.thingbus.broker.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.broker.config.BrokerInstance;
import io.thingbus.broker.domain.DownlinkPublisher;
import io.thingbus.broker.domain.DownlinkPublisher.Delivery;
import io.thingbus.broker.domain.OutboundMessage;
import io.thingbus.broker.domain.SharedAttributePush;
import io.thingbus.contracts.AttributeUpdateRecord;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaClientSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Pushes shared attribute updates from {@link Topics#ATTRIBUTES} to the ThingsBoard gateways of this instance that
 * have the device connected (a {@link DeliveryConsumer}; consumer group {@code broker-service-attributes-<instance-id>},
 * starting at the end of the topic the first time): {@code {"device":"Device A","data":{...}}} on
 * {@code v1/gateway/attributes}, to each such gateway client only ({@link SharedAttributePush}). Client-scope updates
 * and devices no gateway here has connected are passed over. Offsets are committed after HiveMQ took the messages
 * over; a malformed record is logged, counted and skipped; when HiveMQ does not take a message, the record is retried
 * (at least once).
 */
@Singleton
public class KafkaAttributePushListener {

    private static final Logger LOG = Logger.getLogger(KafkaAttributePushListener.class);

    private final SharedAttributePush push;
    private final DownlinkPublisher publisher;
    private final AttributePushMetrics metrics;
    private final DeliveryConsumer consumer;

    KafkaAttributePushListener(SharedAttributePush push, DownlinkPublisher publisher,
            KafkaClientSettings kafka, BrokerInstance instance,
            MeterRegistry registry) {
        this.push = push;
        this.publisher = publisher;
        this.metrics = new AttributePushMetrics(registry);
        this.consumer = new DeliveryConsumer(Topics.ATTRIBUTES, "attribute-push", DeliveryConsumer.settings(
                kafka, "thingbus-broker-attributes-" + instance.id(), groupId(instance)), this::deliver,
                metrics::failed);
    }

    /** Starts after the MQTT broker, so that what it reads can be published. */
    void start(@Observes @Priority(30) StartupEvent event) {
        consumer.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        consumer.stop();
    }

    /** Whether the listener thread runs; false after shutdown or when it died on an unexpected error. */
    public boolean isRunning() {
        return consumer.isRunning();
    }

    /** Whether partitions are assigned and positioned: updates written from now on reach this instance. */
    public boolean isAssigned() {
        return consumer.isAssigned();
    }

    /** The consumer group of this instance: every instance reads every attribute update. */
    static String groupId(BrokerInstance instance) {
        return "broker-service-attributes-" + instance.id();
    }

    private CompletableFuture<Void> deliver(ConsumerRecord<byte[], byte[]> record) {
        AttributeUpdateRecord update;
        try {
            update = AttributeUpdateRecord.CODEC.decode(record.value());
        } catch (MalformedRecordException e) {
            metrics.malformed();
            LOG.warnf("skipped malformed attribute record %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<Void>> published = push.messagesFor(update).stream().map(this::publish).toList();
        return CompletableFuture.allOf(published.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> publish(OutboundMessage message) {
        return publisher.publish(message).toCompletableFuture().thenAccept(delivery -> {
            if (delivery == Delivery.NOT_SUBSCRIBED) {
                metrics.notSubscribed();
                LOG.debugf("gateway '%s' is not subscribed to %s", message.clientId().orElse(""), message.topic());
            } else {
                metrics.published();
            }
        });
    }
}
