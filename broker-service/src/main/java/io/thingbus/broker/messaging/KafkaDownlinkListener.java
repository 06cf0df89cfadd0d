package io.thingbus.broker.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.thingbus.broker.config.BrokerInstance;
import io.thingbus.broker.domain.DownlinkDecision;
import io.thingbus.broker.domain.DownlinkMapper;
import io.thingbus.broker.domain.DownlinkPublisher;
import io.thingbus.broker.domain.DownlinkPublisher.Delivery;
import io.thingbus.broker.domain.DownlinkSkipReason;
import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaClientSettings;
import io.thingbus.kafka.KafkaHeaders;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Delivers the downlink topic to the MQTT sessions of this instance (a {@link DeliveryConsumer}). Every instance
 * reads every record: its consumer group is {@code broker-service-<instance-id>} (instance ids must therefore be
 * unique), starting at the end of the topic the first time. Each record is decided by the {@link DownlinkMapper} and
 * published with the {@link DownlinkPublisher} — to every subscribed session, or to the one client the record names;
 * offsets are committed only after HiveMQ has taken the published records over.
 *
 * <ul>
 * <li>A malformed record, an expired one, one whose token this instance has never seen (no session of it here) or
 * that is no longer valid, one for a client not here or of another tenant, one for a shared {@code v1/...} topic
 * without client, or one with an invalid topic is logged at DEBUG (malformed: WARN), counted and skipped: it never
 * stops the partition.</li>
 * <li>When HiveMQ does not take a message over (not running, overloaded), the partition is rewound to that record
 * and retried after a pause: delivery is at least once; a retry may publish records after it twice.</li>
 * </ul>
 * Ready ({@link #isAssigned()}) once the group has assigned partitions and their start positions are known; from
 * then on no new record is missed. The consumer does not create the topic: until the deployment has, the instance
 * stays not ready.
 */
@Singleton
public class KafkaDownlinkListener extends KafkaDeliveryListener {

    private static final Logger LOG = Logger.getLogger(KafkaDownlinkListener.class);

    private final DownlinkMapper mapper;
    private final DownlinkPublisher publisher;
    private final DownlinkMetrics metrics;

    KafkaDownlinkListener(DownlinkMapper mapper, DownlinkPublisher publisher,
            KafkaClientSettings kafka, BrokerInstance instance,
            MeterRegistry registry) {
        super(Topics.DOWNLINK, "downlink", DeliveryConsumer.settings(kafka,
                "thingbus-broker-downlink-" + instance.id(), groupId(instance)));
        this.mapper = mapper;
        this.publisher = publisher;
        this.metrics = new DownlinkMetrics(registry);
    }

    /** The consumer group of this instance: every instance reads every downlink record. */
    static String groupId(BrokerInstance instance) {
        return "broker-service-" + instance.id();
    }

    @Override
    CompletableFuture<Void> deliver(ConsumerRecord<byte[], byte[]> record) {
        DownlinkRecord downlink;
        try {
            downlink = DownlinkRecord.fromHeaders(KafkaHeaders.toContract(record.headers()), record.value());
        } catch (MalformedRecordException e) {
            metrics.skipped(DownlinkSkipReason.MALFORMED);
            LOG.warnf("skipped malformed downlink record %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        DownlinkDecision decision = mapper.decide(downlink);
        if (decision instanceof DownlinkDecision.Skip skip) {
            metrics.skipped(skip.reason());
            LOG.debugf("skipped downlink %s: %s", downlink, skip.reason().label());
            return CompletableFuture.completedFuture(null);
        }
        return publisher.publish(((DownlinkDecision.Deliver) decision).message()).toCompletableFuture()
                .handle((delivery, error) -> outcome(downlink, delivery, error));
    }

    @Override
    void countRetry() {
        metrics.failed();
    }

    private Void outcome(DownlinkRecord downlink, Delivery delivery, Throwable error) {
        Throwable cause = error instanceof CompletionException ? error.getCause() : error;
        if (cause == null && delivery == Delivery.NOT_SUBSCRIBED) {
            metrics.skipped(DownlinkSkipReason.NOT_SUBSCRIBED);
            LOG.debugf("skipped downlink %s: its client has no matching subscription", downlink);
            return null;
        }
        if (cause == null) {
            metrics.published();
            LOG.debugf("published downlink %s", downlink);
            return null;
        }
        if (cause instanceof IllegalArgumentException) {
            metrics.skipped(DownlinkSkipReason.INVALID_TOPIC);
            LOG.debugf("skipped downlink %s: %s", downlink, cause.getMessage());
            return null;
        }
        throw new IllegalStateException("HiveMQ did not take downlink " + downlink.id() + " over", cause);
    }
}
