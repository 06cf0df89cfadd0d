package io.thingbus.kafka;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.ClusterResource;
import org.apache.kafka.common.ClusterResourceListener;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.jboss.logging.Logger;

/**
 * A look into a Kafka consumer that someone else creates, such as the one a {@link KafkaConsumerLoop} opens on its
 * own thread: the client's own metrics (to bind them to a metrics registry, e.g. with Micrometer's
 * {@code KafkaClientMetrics} over {@link #metricsView()}) and when the consumer group last handed it its partitions.
 *
 * <p>Attach the probe to the consumer's configuration with {@link #attachTo(Map)} before the consumer is created: it
 * joins the configured {@code metric.reporters} (keeping those, by default Kafka's JMX reporter) and is handed over
 * under the configuration key {@value #CONFIG_KEY}. One probe per consumer; a probe outlives its consumer and reads
 * empty once the consumer closed.
 *
 * <p>Thread-safe: Kafka reports to the probe on the consumer's threads, readers may ask from any thread.
 */
public final class ConsumerProbe {

    /** The configuration key that carries the probe to its reporter. */
    public static final String CONFIG_KEY = "thingbus.consumer-probe";

    private static final Logger LOG = Logger.getLogger(ConsumerProbe.class);
    private static final String APP_INFO = "app-info";
    private static final String CREATED_METRIC = "start-time-ms";
    private static final String COORDINATOR = "consumer-coordinator-metrics";

    private final Map<MetricName, KafkaMetric> metrics = new ConcurrentHashMap<>();
    private final List<Runnable> onCreated = new ArrayList<>();
    private boolean created;

    /**
     * A copy of {@code clientConfig} that makes the consumer created from it report to this probe.
     *
     * @param clientConfig a consumer configuration, e.g. from {@link KafkaClientSettings#consumer}; not changed
     */
    public Map<String, Object> attachTo(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        List<Object> reporters = new ArrayList<>(configuredReporters(
                config.get(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG)));
        reporters.add(Reporter.class);
        config.put(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, reporters);
        config.put(CONFIG_KEY, this);
        return config;
    }

    /** The consumer's metrics as they are now: empty before it is created and after it closed. A read-only view. */
    public Map<MetricName, KafkaMetric> metrics() {
        return Collections.unmodifiableMap(metrics);
    }

    /**
     * Runs {@code action} once the consumer has been created with the metrics it registers while it is built (Kafka
     * registers its app-info metrics last), or, should those be missing, once it first heard from the cluster; at once
     * when that has happened already. Runs on the thread that notices it (the consumer's, or the caller's); an action
     * that throws is logged and does not disturb the consumer.
     */
    public void whenCreated(Runnable action) {
        boolean now;
        synchronized (this) {
            now = created;
            if (!now) {
                onCreated.add(action);
            }
        }
        if (now) {
            runQuietly(action);
        }
    }

    /**
     * When the consumer's group last handed it partitions (its first join, or a rebalance), as the consumer measures it:
     * to the second, rounded towards {@code now}. Empty before its first assignment, while it holds no partition, and
     * once it closed.
     *
     * @param now the current time
     */
    public Optional<Instant> lastAssignment(Instant now) {
        Optional<Double> assigned = coordinatorValue("assigned-partitions");
        Optional<Double> secondsAgo = coordinatorValue("last-rebalance-seconds-ago");
        if (assigned.isEmpty() || secondsAgo.isEmpty() || assigned.get() < 1 || secondsAgo.get() < 0) {
            return Optional.empty();
        }
        return Optional.of(now.minusSeconds(secondsAgo.get().longValue()));
    }

    /**
     * A {@link Consumer} whose only working method is {@link Consumer#metrics()}, answered from this probe: what metric
     * binders such as Micrometer's {@code KafkaClientMetrics} read. Every other method throws
     * {@link UnsupportedOperationException}.
     */
    @SuppressWarnings("unchecked")
    public Consumer<byte[], byte[]> metricsView() {
        return (Consumer<byte[], byte[]>) Proxy.newProxyInstance(Consumer.class.getClassLoader(),
                new Class<?>[] {Consumer.class}, new MetricsOnly());
    }

    @Override
    public String toString() {
        return "ConsumerProbe[" + metrics.size() + " metrics]";
    }

    private Optional<Double> coordinatorValue(String name) {
        for (Map.Entry<MetricName, KafkaMetric> metric : metrics.entrySet()) {
            if (metric.getKey().group().equals(COORDINATOR) && metric.getKey().name().equals(name)
                    && metric.getValue().metricValue() instanceof Double value && !value.isNaN()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private void added(KafkaMetric metric) {
        metrics.put(metric.metricName(), metric);
        if (metric.metricName().group().equals(APP_INFO) && metric.metricName().name().equals(CREATED_METRIC)) {
            markCreated();
        }
    }

    private void markCreated() {
        List<Runnable> actions;
        synchronized (this) {
            if (created) {
                return;
            }
            created = true;
            actions = List.copyOf(onCreated);
            onCreated.clear();
        }
        actions.forEach(ConsumerProbe::runQuietly);
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("an action waiting for a Kafka consumer to be created failed", e);
        }
    }

    private static List<?> configuredReporters(Object configured) {
        if (configured == null) {
            return List.of(JmxReporter.class);
        }
        if (configured instanceof String names) {
            return Arrays.stream(names.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
        }
        if (configured instanceof List<?> list) {
            return list;
        }
        return List.of(configured);
    }

    /** Answers {@code metrics()} from the probe. */
    private final class MetricsOnly implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            int arguments = args == null ? 0 : args.length;
            return switch (method.getName() + "/" + arguments) {
                case "metrics/0" -> metrics();
                case "toString/0" -> "metrics view of " + ConsumerProbe.this;
                case "hashCode/0" -> System.identityHashCode(proxy);
                case "equals/1" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(
                        "a metrics view of a Kafka consumer answers only metrics(), not " + method.getName());
            };
        }
    }

    /**
     * The metrics reporter Kafka instantiates for a consumer whose configuration carries a probe; it forwards what it
     * is told to that probe. Public only because Kafka creates it by reflection: attach probes with
     * {@link ConsumerProbe#attachTo(Map)}.
     */
    public static final class Reporter implements MetricsReporter, ClusterResourceListener {

        private ConsumerProbe probe = new ConsumerProbe();

        @Override
        public void configure(Map<String, ?> configs) {
            Object candidate = configs.get(CONFIG_KEY);
            if (!(candidate instanceof ConsumerProbe configured)) {
                throw new ConfigException(CONFIG_KEY, candidate, "attach a ConsumerProbe with ConsumerProbe.attachTo");
            }
            probe = configured;
        }

        @Override
        public void init(List<KafkaMetric> initial) {
            initial.forEach(probe::added);
        }

        @Override
        public void metricChange(KafkaMetric metric) {
            probe.added(metric);
        }

        @Override
        public void metricRemoval(KafkaMetric metric) {
            probe.metrics.remove(metric.metricName());
        }

        @Override
        public void onUpdate(ClusterResource cluster) {
            probe.markCreated();
        }

        @Override
        public void close() {
            probe.metrics.clear();
        }
    }
}
