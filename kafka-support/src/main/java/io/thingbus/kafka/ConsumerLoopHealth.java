package io.thingbus.kafka;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a service's health checks say about one of its {@link KafkaConsumerLoop}s, the same in every service: live while
 * the loop's thread runs (a stopped or failed loop needs a restart), ready unless it is retrying a batch because the
 * store or Kafka failed. The data name the loop's state ({@code consuming}, {@code retrying}, …) and the failure it is
 * retrying after. A loop that is switched off is live and ready, with state {@code disabled}.
 *
 * <p>The service turns it into its health framework's answer; a snapshot, immutable.
 *
 * @param name the health check's name, e.g. {@code telemetry-consumer}
 * @param data {@code state}, and {@code lastFailure} while there is one; in that order
 */
public record ConsumerLoopHealth(String name, boolean live, boolean ready, Map<String, String> data) {

    public ConsumerLoopHealth {
        Objects.requireNonNull(name, "name");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(data, "data")));
    }

    /** The health of {@code loop}, or of a switched-off one when it is empty. */
    public static ConsumerLoopHealth of(String name, Optional<KafkaConsumerLoop> loop) {
        return loop.map(running -> of(name, running)).orElseGet(() -> disabled(name));
    }

    public static ConsumerLoopHealth of(String name, KafkaConsumerLoop loop) {
        return of(name, loop.state(), loop.lastFailure());
    }

    /** A loop the service does not run because its configuration switches it off. */
    public static ConsumerLoopHealth disabled(String name) {
        return new ConsumerLoopHealth(name, true, true, Map.of("state", "disabled"));
    }

    static ConsumerLoopHealth of(String name, KafkaConsumerLoop.State state, String lastFailure) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("state", state.name().toLowerCase(Locale.ROOT));
        if (lastFailure != null && !lastFailure.isEmpty()) {
            data.put("lastFailure", lastFailure);
        }
        boolean live = state != KafkaConsumerLoop.State.STOPPED && state != KafkaConsumerLoop.State.FAILED;
        return new ConsumerLoopHealth(name, live, live && state != KafkaConsumerLoop.State.RETRYING, data);
    }
}
