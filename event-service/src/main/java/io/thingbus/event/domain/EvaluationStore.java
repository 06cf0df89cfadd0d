package io.thingbus.event.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Rule states and alerts, changed atomically. Each method runs its work in one database transaction with the rules it
 * hands over locked (so the REST API, other consumers and other instances cannot change them meanwhile), then stores
 * what the work returned: changed states, alerts, their notifications and the alert records to publish. Either all of
 * it is stored or nothing. Thread-safe; the work runs on the calling thread and must not block on anything else.
 *
 * @throws StoreUnavailableException when the database fails; nothing was stored
 */
public interface EvaluationStore {

    /** The enabled rules of these channels, ordered by id. */
    Evaluation evaluate(Set<ChannelRef> channels, Function<List<WatchedRule>, Evaluation> work);

    /**
     * Up to {@code limit} enabled, armed no-data rules whose channel exists and is written to by at least one
     * registered device (see {@link TelemetryRoutes}), and whose silence may be over at {@code now} when counted from
     * no earlier than {@code watchingSince} and {@link SilenceCandidate#writersSince()}. Rules another transaction
     * holds are skipped.
     */
    Evaluation evaluateSilent(Instant now, Instant watchingSince, int limit,
            Function<List<SilenceCandidate>, Evaluation> work);
}
