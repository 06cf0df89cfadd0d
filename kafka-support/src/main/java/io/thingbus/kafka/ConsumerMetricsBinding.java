package io.thingbus.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * Binds the Kafka client's own metrics of a {@link KafkaConsumerLoop}'s consumer to a Micrometer registry while the
 * consumer exists: {@code kafka.consumer.*} (Prometheus {@code kafka_consumer_*}, e.g. records lag), tagged with the
 * client id and the Kafka version. The meters appear when the consumer is created and are removed when it closes. One
 * binding per loop: pass it to the loop as a listener.
 *
 * <p>Thread-safe: the loop tells it on the loop's thread; Micrometer reads the consumer's metrics on a thread of its
 * own.
 */
public final class ConsumerMetricsBinding implements KafkaConsumerLoop.ConsumerListener {

    private final MeterRegistry registry;
    private volatile KafkaClientMetrics bound;

    public ConsumerMetricsBinding(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void created(Consumer<?, ?> consumer) {
        KafkaClientMetrics clientMetrics = new KafkaClientMetrics(consumer);
        clientMetrics.bindTo(registry);
        bound = clientMetrics;
    }

    @Override
    public void closed() {
        KafkaClientMetrics clientMetrics = bound;
        bound = null;
        if (clientMetrics != null) {
            clientMetrics.close();
        }
    }
}
