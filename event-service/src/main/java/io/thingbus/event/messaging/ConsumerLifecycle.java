package io.thingbus.event.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.contracts.Topics;
import io.thingbus.event.config.ConsumerConfig;
import io.thingbus.event.domain.ChannelDirectory;
import io.thingbus.event.domain.TelemetryEvaluation;
import io.thingbus.kafka.ConsumerLoopSettings;
import io.thingbus.kafka.ConsumerMetricsBinding;
import io.thingbus.kafka.KafkaClientSettings;
import io.thingbus.kafka.KafkaConsumerLoop;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Starts the consumer loops when the service starts and stops them, letting a running batch finish, when it stops:
 * the device registry feed and the channel feed (always) and the telemetry evaluation (unless disabled). Each
 * consumer's Kafka client metrics ({@code kafka_consumer_*}) are bound to the meter registry while its client exists.
 * Invalid settings ({@code thingbus.event.consumer.*} or {@code kafka.*}) stop the start-up.
 */
@Singleton
public class ConsumerLifecycle {

    /** The names of the consumers' threads and health checks. */
    static final String TELEMETRY = "telemetry-consumer";
    static final String DEVICES = "device-feed-consumer";
    static final String CHANNELS = "channel-feed-consumer";

    private static final Logger LOG = Logger.getLogger(ConsumerLifecycle.class);

    private final ConsumerConfig config;
    private final KafkaClientSettings kafka;
    private final TelemetryEvaluation evaluation;
    private final ChannelDirectory directory;
    private final NotificationWorkers workers;
    private final AlertRelay relay;
    private final EventMetrics metrics;
    private final Clock clock;
    private volatile KafkaConsumerLoop telemetry;
    private volatile KafkaConsumerLoop devices;
    private volatile KafkaConsumerLoop channels;
    private volatile UninterruptedReading telemetryReading;

    public ConsumerLifecycle(ConsumerConfig config, KafkaClientSettings kafka, TelemetryEvaluation evaluation,
            ChannelDirectory directory, NotificationWorkers workers, AlertRelay relay, EventMetrics metrics,
            Clock clock) {
        this.config = config;
        this.kafka = kafka;
        this.evaluation = evaluation;
        this.directory = directory;
        this.workers = workers;
        this.relay = relay;
        this.metrics = metrics;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        devices = start(DEVICES, Topics.DEVICES, config.devicesGroupId(),
                new FeedBatchHandler<>(Topics.DEVICES, DeviceRecords::decode, directory::applyDevices,
                        metrics::deviceRecords, metrics));
        channels = start(CHANNELS, Topics.CHANNELS, config.channelsGroupId(),
                new FeedBatchHandler<>(Topics.CHANNELS, ChannelRecords::decode, directory::applyChannels,
                        metrics::channelRecords, metrics));
        if (!config.telemetryEnabled()) {
            LOG.info("telemetry evaluation disabled (thingbus.event.consumer.telemetry-enabled=false): no rule fires");
            return;
        }
        UninterruptedReading reading = new UninterruptedReading(
                new TelemetryBatchHandler(evaluation, metrics, this::alertsStored), clock);
        telemetry = loop(TELEMETRY, Topics.TELEMETRY, config.telemetryGroupId(), reading,
                List.of(clientMetrics(), reading));
        reading.follow(telemetry);
        telemetryReading = reading;
        telemetry.start();
        LOG.infof("evaluating telemetry as consumer group %s", config.telemetryGroupId());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stop(telemetry);
        stop(devices);
        stop(channels);
    }

    /** The telemetry consumer, or empty when evaluation is disabled. */
    public Optional<KafkaConsumerLoop> telemetry() {
        return Optional.ofNullable(telemetry);
    }

    public Optional<KafkaConsumerLoop> devices() {
        return Optional.ofNullable(devices);
    }

    public Optional<KafkaConsumerLoop> channels() {
        return Optional.ofNullable(channels);
    }

    /**
     * Since when telemetry has been read without interruption: after a start, a rebalance or a recovered Kafka or
     * database outage. Empty while it is not being read (starting, retrying, disabled).
     */
    public Optional<Instant> telemetryConsumingSince() {
        return Optional.ofNullable(telemetryReading).flatMap(UninterruptedReading::since);
    }

    private void alertsStored() {
        workers.wake();
        relay.wake();
    }

    private KafkaConsumerLoop start(String name, String topic, String groupId, KafkaConsumerLoop.BatchHandler handler) {
        KafkaConsumerLoop loop = loop(name, topic, groupId, handler, List.of(clientMetrics()));
        loop.start();
        return loop;
    }

    /** A loop over {@code topic} in {@code groupId} that tells {@code listeners} about its consumer. */
    private KafkaConsumerLoop loop(String name, String topic, String groupId, KafkaConsumerLoop.BatchHandler handler,
            List<KafkaConsumerLoop.ConsumerListener> listeners) {
        ConsumerLoopSettings settings = new ConsumerLoopSettings("thingbus.event.consumer", groupId,
                config.maxPollRecords(), config.pollTimeout(), config.retryBackoffInitial(), config.retryBackoffMax());
        return new KafkaConsumerLoop(name, List.of(topic),
                settings.consumerConfig(kafka, groupId + "-" + topic, "earliest"), settings.pollTimeout(),
                settings.backoff(), handler, listeners);
    }

    /** Binds a consumer's Kafka client metrics to the meter registry while the consumer exists. */
    private ConsumerMetricsBinding clientMetrics() {
        return new ConsumerMetricsBinding(metrics.registry());
    }

    private static void stop(KafkaConsumerLoop loop) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }
}
