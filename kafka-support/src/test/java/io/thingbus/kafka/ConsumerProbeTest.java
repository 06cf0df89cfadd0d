package io.thingbus.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The probe fed by Kafka's own metrics registry, as a consumer feeds it. */
class ConsumerProbeTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private final ConsumerProbe probe = new ConsumerProbe();
    private Metrics metrics;

    @AfterEach
    void close() {
        if (metrics != null) {
            metrics.close();
        }
    }

    @Test
    void attaching_keepsTheConfiguredReporters_andLeavesTheGivenConfigurationAlone() {
        Map<String, Object> given = new HashMap<>(Map.of("bootstrap.servers", "kafka:9092"));

        Map<String, Object> attached = probe.attachTo(given);

        assertThat(attached.get(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG))
                .isEqualTo(List.of(JmxReporter.class, ConsumerProbe.Reporter.class));
        assertThat(attached).containsEntry(ConsumerProbe.CONFIG_KEY, probe).containsEntry("bootstrap.servers", "kafka:9092");
        assertThat(given).doesNotContainKey(ConsumerProbe.CONFIG_KEY);
        assertThat(probe.attachTo(Map.of(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, "a.Reporter, b.Reporter"))
                .get(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG))
                .isEqualTo(List.of("a.Reporter", "b.Reporter", ConsumerProbe.Reporter.class));
    }

    @Test
    void theProbe_seesTheMetricsTheClientRegisters_untilItCloses() {
        registry();
        metrics.addMetric(metrics.metricName("records-lag-max", "consumer-fetch-manager-metrics"),
                (Measurable) (config, now) -> 42);

        assertThat(probe.metrics()).containsKey(metrics.metricName("records-lag-max", "consumer-fetch-manager-metrics"));
        assertThat(probe.metricsView().metrics()).isEqualTo(probe.metrics());

        metrics.close();
        metrics = null;

        assertThat(probe.metrics()).isEmpty();
    }

    @Test
    void whenCreated_runsOnceTheClientRegisteredItsAppInfo_andAtOnceAfterwards() {
        AtomicInteger runs = new AtomicInteger();
        registry();
        probe.whenCreated(runs::incrementAndGet);

        assertThat(runs).hasValue(0);
        metrics.addMetric(metrics.metricName("start-time-ms", "app-info"), (Gauge<Long>) (config, now) -> 1L);
        assertThat(runs).hasValue(1);

        probe.whenCreated(runs::incrementAndGet);
        assertThat(runs).hasValue(2);
    }

    @Test
    void whenCreated_survivesAnActionThatThrows() {
        AtomicInteger runs = new AtomicInteger();
        registry();
        probe.whenCreated(() -> {
            throw new IllegalStateException("boom");
        });
        probe.whenCreated(runs::incrementAndGet);

        metrics.addMetric(metrics.metricName("start-time-ms", "app-info"), (Gauge<Long>) (config, now) -> 1L);

        assertThat(runs).hasValue(1);
    }

    @Test
    void lastAssignment_isWhenTheGroupLastHandedOutPartitions_andEmptyWithoutAny() {
        registry();
        double[] assigned = {0};
        double[] secondsAgo = {-1};
        metrics.addMetric(metrics.metricName("assigned-partitions", "consumer-coordinator-metrics"),
                (Measurable) (config, now) -> assigned[0]);
        metrics.addMetric(metrics.metricName("last-rebalance-seconds-ago", "consumer-coordinator-metrics"),
                (Measurable) (config, now) -> secondsAgo[0]);

        assertThat(probe.lastAssignment(NOW)).isEmpty();
        assigned[0] = 3;
        assertThat(probe.lastAssignment(NOW)).isEmpty();
        secondsAgo[0] = 7;
        assertThat(probe.lastAssignment(NOW)).contains(NOW.minusSeconds(7));
        assigned[0] = 0;
        assertThat(probe.lastAssignment(NOW)).isEmpty();
    }

    @Test
    void theMetricsView_answersNothingButMetrics() {
        assertThatThrownBy(() -> probe.metricsView().poll(java.time.Duration.ZERO))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aReporterWithoutAProbe_isAConfigurationError() {
        assertThatThrownBy(() -> new ConsumerProbe.Reporter().configure(Map.of()))
                .isInstanceOf(org.apache.kafka.common.config.ConfigException.class);
    }

    private void registry() {
        ConsumerProbe.Reporter reporter = new ConsumerProbe.Reporter();
        reporter.configure(Map.of(ConsumerProbe.CONFIG_KEY, probe));
        metrics = new Metrics(new MetricConfig(), List.of(reporter), Time.SYSTEM);
    }
}
