package io.thingbus.session.domain;

import io.thingbus.contracts.TenantId;
import java.util.Comparator;
import java.util.List;

/** The read side: a tenant's live sessions, filtered and in a stable order. Thread-safe. */
public final class ActiveSessions {

    private static final Comparator<Session> OLDEST_FIRST = Comparator.comparing(Session::connectedAt)
            .thenComparing(s -> s.key().clientId());
    private static final Comparator<Subscription> BY_FILTER = Comparator.comparing(Subscription::filter);

    private final SessionStore store;

    public ActiveSessions(SessionStore store) {
        this.store = store;
    }

    /**
     * The tenant's sessions that match the query, oldest connection first (then by client id), each with its
     * subscriptions ordered by filter. Never another tenant's.
     *
     * @throws StoreUnavailableException when the store cannot be read
     */
    public List<Session> of(TenantId tenant, SessionQuery query) {
        return store.sessionsOf(tenant).stream()
                .filter(query::matches)
                .sorted(OLDEST_FIRST)
                .map(s -> s.withSubscriptions(s.subscriptions().stream().sorted(BY_FILTER).toList()))
                .toList();
    }
}
