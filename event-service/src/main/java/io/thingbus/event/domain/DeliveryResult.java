package io.thingbus.event.domain;

import java.time.Instant;
import java.util.Objects;

/** How one delivery attempt of a notification ended. */
public sealed interface DeliveryResult permits DeliveryResult.Sent, DeliveryResult.Retry, DeliveryResult.Failed {

    /** When the attempt ended. */
    Instant at();

    /** Delivered. */
    record Sent(Instant at) implements DeliveryResult {

        public Sent {
            Objects.requireNonNull(at, "at");
        }
    }

    /** Not delivered; try again at {@code nextAttemptAt}. */
    record Retry(Instant at, Instant nextAttemptAt, String error) implements DeliveryResult {

        public Retry {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
            Objects.requireNonNull(error, "error");
        }
    }

    /** Not delivered, and no further attempt will be made. */
    record Failed(Instant at, String error) implements DeliveryResult {

        public Failed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(error, "error");
        }
    }
}
