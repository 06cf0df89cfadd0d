package io.thingbus.broker.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.thingbus.broker.config.BrokerInstance;
import io.thingbus.broker.domain.DownlinkPublisher;
import io.thingbus.broker.domain.DownlinkPublisher.Delivery;
import io.thingbus.broker.domain.OutboundMessage;
import io.thingbus.broker.domain.SharedAttributePush;
import io.thingbus.contracts.AttributeUpdateRecord;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaClientSettings;
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
public class KafkaAttributePushListener extends KafkaDeliveryListener {

    private static final Logger LOG = Logger.getLogger(KafkaAttributePushListener.class);

    private final SharedAttributePush push;
    private final DownlinkPublisher publisher;
    private final AttributePushMetrics metrics;

    KafkaAttributePushListener(SharedAttributePush push, DownlinkPublisher publisher,
            KafkaClientSettings kafka, BrokerInstance instance,
            MeterRegistry registry) {
        super(Topics.ATTRIBUTES, "attribute-push", DeliveryConsumer.settings(
                kafka, "thingbus-broker-attributes-" + instance.id(), groupId(instance)));
        this.push = push;
        this.publisher = publisher;
        this.metrics = new AttributePushMetrics(registry);
    }

    /** The consumer group of this instance: every instance reads every attribute update. */
    static String groupId(BrokerInstance instance) {
        return "broker-service-attributes-" + instance.id();
    }

    @Override
    CompletableFuture<Void> deliver(ConsumerRecord<byte[], byte[]> record) {
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

    @Override
    void countRetry() {
        metrics.failed();
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
