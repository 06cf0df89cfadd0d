package io.thingbus.event.domain;

import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The stored rules of every tenant and their alert history. Every read and write is scoped to a tenant: another
 * tenant's rule is as absent as one that never existed. Thread-safe.
 *
 * @throws StoreUnavailableException from every method when the database fails; nothing was changed
 */
public interface RuleRepository {

    void insert(Rule rule, RuleState state);

    Optional<WatchedRule> find(TenantId tenant, EventId id);

    /** The tenant's rules, oldest first. */
    List<WatchedRule> list(TenantId tenant);

    /**
     * Replaces a rule atomically: {@code change} gets the current rule and returns the new one, which is stored with
     * {@code state}.
     *
     * @throws UnknownEventException when the tenant has no such rule
     * @throws VersionMismatchException when {@code condition} does not allow the current version
     */
    WatchedRule replace(TenantId tenant, EventId id, VersionCondition condition, UnaryOperator<Rule> change,
            RuleState state);

    /**
     * Deletes a rule with its alert history; notifications still queued for it are not sent.
     *
     * @throws UnknownEventException when the tenant has no such rule
     * @throws VersionMismatchException when {@code condition} does not allow the current version
     */
    void delete(TenantId tenant, EventId id, VersionCondition condition);

    /** The rule's latest alerts, newest first, with their notifications in the order they were queued. */
    List<AlertOutcome> recentAlerts(EventId id, int limit);

    /**
     * Deletes alerts fired before {@code cutoff} whose notifications are all settled.
     *
     * @return how many alerts were deleted
     */
    int purgeAlertsBefore(Instant cutoff);
}
