package io.thingbus.event.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The caller's rules ("events"): create, read, list, replace, delete. Everything is scoped to the tenant; another
 * tenant's rule answers {@link UnknownEventException}. Creating or replacing a rule (re)starts its evaluation: it is
 * armed and judges only points from then on. Thread-safe.
 *
 * @throws StoreUnavailableException from every method when the database fails
 */
public final class RuleService {

    private final RuleRepository rules;
    private final ChannelDirectory channels;
    private final SecureRandom random;
    private final Clock clock;
    private final int recentAlerts;

    public RuleService(RuleRepository rules, ChannelDirectory channels, SecureRandom random, Clock clock,
            int recentAlerts) {
        this.rules = rules;
        this.channels = channels;
        this.random = random;
        this.clock = clock;
        this.recentAlerts = recentAlerts;
    }

    /**
     * Stores a new rule with a fresh id and webhook secret.
     *
     * @throws UnknownChannelException when the tenant has no such channel
     */
    public WatchedRule create(TenantId tenant, RuleDefinition definition) {
        DeviceId device = deviceOf(tenant, definition);
        Instant now = clock.instant();
        Rule rule = new Rule(EventId.random(random), tenant, device, definition, WebhookSecret.random(random), 1, now,
                now);
        RuleState state = RuleState.fresh(now);
        rules.insert(rule, state);
        return new WatchedRule(rule, state);
    }

    /** @throws UnknownEventException when the tenant has no such rule */
    public RuleDetails rule(TenantId tenant, EventId id) {
        WatchedRule watched = rules.find(tenant, id).orElseThrow(UnknownEventException::new);
        return new RuleDetails(watched, rules.recentAlerts(id, recentAlerts));
    }

    public List<WatchedRule> rules(TenantId tenant) {
        return rules.list(tenant);
    }

    /**
     * Replaces a rule's definition (its id, secret and creation time stay) and restarts its evaluation.
     *
     * @throws UnknownEventException when the tenant has no such rule
     * @throws VersionMismatchException when {@code condition} does not allow the current version
     * @throws UnknownChannelException when the tenant has no such channel
     */
    public WatchedRule replace(TenantId tenant, EventId id, RuleDefinition definition, VersionCondition condition) {
        rules.find(tenant, id).orElseThrow(UnknownEventException::new);
        DeviceId device = deviceOf(tenant, definition);
        Instant now = clock.instant();
        return rules.replace(tenant, id, condition, current -> new Rule(current.id(), tenant, device, definition,
                current.secret(), current.version() + 1, current.createdAt(), now), RuleState.fresh(now));
    }

    /**
     * Deletes a rule, its alert history and the notifications still queued for it.
     *
     * @throws UnknownEventException when the tenant has no such rule
     * @throws VersionMismatchException when {@code condition} does not allow the current version
     */
    public void delete(TenantId tenant, EventId id, VersionCondition condition) {
        rules.delete(tenant, id, condition);
    }

    private DeviceId deviceOf(TenantId tenant, RuleDefinition definition) {
        return channels.deviceOf(tenant, definition.channel()).orElseThrow(UnknownChannelException::new);
    }
}
