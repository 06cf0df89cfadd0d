package io.thingbus.event.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.contracts.Topics;
import io.thingbus.event.config.ConsumerConfig;
import io.thingbus.event.domain.ChannelDirectory;
import io.thingbus.event.domain.TelemetryEvaluation;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Starts the consumers on their own threads when the service starts and stops them, letting a running batch finish,
 * when it stops: the device registry feed and the channel feed (always) and the telemetry evaluation (unless
 * disabled). Invalid Kafka settings stop the start-up.
 */
@Singleton
public class ConsumerLifecycle {

    private static final Logger LOG = Logger.getLogger(ConsumerLifecycle.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final ConsumerConfig config;
    private final KafkaClientSettings kafka;
    private final TelemetryEvaluation evaluation;
    private final ChannelDirectory directory;
    private final NotificationWorkers workers;
    private final AlertRelay relay;
    private final EventMetrics metrics;
    private final Clock clock;
    private volatile DurableConsumer telemetry;
    private volatile DurableConsumer devices;
    private volatile DurableConsumer channels;
    private volatile Thread telemetryThread;
    private volatile Thread devicesThread;
    private volatile Thread channelsThread;

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
        devices = consumer(Topics.DEVICES, config.devicesGroupId(), new FeedBatchHandler<>(Topics.DEVICES,
                DeviceRecords::decode, directory::applyDevices, metrics::deviceRecords, metrics));
        devicesThread = startThread(devices, "device-feed-consumer");
        channels = consumer(Topics.CHANNELS, config.channelsGroupId(), new FeedBatchHandler<>(Topics.CHANNELS,
                ChannelRecords::decode, directory::applyChannels, metrics::channelRecords, metrics));
        channelsThread = startThread(channels, "channel-feed-consumer");
        if (!config.telemetryEnabled()) {
            LOG.info("telemetry evaluation disabled (thingbus.event.consumer.telemetry-enabled=false): no rule fires");
            return;
        }
        telemetry = consumer(Topics.TELEMETRY, config.telemetryGroupId(),
                new TelemetryBatchHandler(evaluation, metrics, this::alertsStored));
        telemetryThread = startThread(telemetry, "telemetry-consumer");
        LOG.infof("evaluating telemetry as consumer group %s", config.telemetryGroupId());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stop(telemetry, telemetryThread);
        stop(devices, devicesThread);
        stop(channels, channelsThread);
    }

    /** The telemetry consumer, or empty when evaluation is disabled. */
    public Optional<DurableConsumer> telemetry() {
        return Optional.ofNullable(telemetry);
    }

    public Optional<DurableConsumer> devices() {
        return Optional.ofNullable(devices);
    }

    public Optional<DurableConsumer> channels() {
        return Optional.ofNullable(channels);
    }

    public boolean telemetryAlive() {
        return telemetryThread != null && telemetryThread.isAlive();
    }

    public boolean devicesAlive() {
        return devicesThread != null && devicesThread.isAlive();
    }

    public boolean channelsAlive() {
        return channelsThread != null && channelsThread.isAlive();
    }

    /** Since when telemetry has been read without interruption; empty while it is not (or disabled). */
    public Optional<Instant> telemetryConsumingSince() {
        return telemetry().flatMap(DurableConsumer::consumingSince);
    }

    private void alertsStored() {
        workers.wake();
        relay.wake();
    }

    private DurableConsumer consumer(String topic, String groupId, DurableConsumer.BatchHandler handler) {
        return new DurableConsumer(topic, kafka.consumer(groupId + "-" + topic, groupId, config.maxPollRecords()),
                handler, config.pollTimeout(), config.retryBackoffInitial(), config.retryBackoffMax(), clock,
                metrics.registry());
    }

    private static Thread startThread(DurableConsumer consumer, String name) {
        Thread thread = new Thread(consumer, name);
        thread.start();
        return thread;
    }

    private static void stop(DurableConsumer consumer, Thread thread) throws InterruptedException {
        if (consumer == null) {
            return;
        }
        consumer.stop();
        thread.join(STOP_TIMEOUT.toMillis());
        if (thread.isAlive()) {
            LOG.warnf("%s did not stop within %s", thread.getName(), STOP_TIMEOUT);
        }
    }
}
