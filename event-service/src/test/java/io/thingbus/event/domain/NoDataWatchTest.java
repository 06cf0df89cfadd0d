package io.thingbus.event.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class NoDataWatchTest {

    private static final TenantId TENANT = TenantId.of("Uowner1");
    private static final DeviceId DEVICE = DeviceId.of("dev-1");
    private static final Instant CREATED = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant NOW = CREATED.plusSeconds(3600);

    @Test
    void aChannelSilentForLongerThanTheRule_fires() {
        List<NewAlert> fired = check(new SilenceCandidate(silentRule(), CREATED));

        assertThat(fired).hasSize(1);
        assertThat(fired.get(0).alert().device()).isEqualTo(DEVICE);
    }

    @Test
    void aChannelADeviceJustStartedWritingTo_isNotSilentYet() {
        List<NewAlert> fired = check(new SilenceCandidate(silentRule(), NOW.minusSeconds(14 * 60)));

        assertThat(fired).isEmpty();
    }

    private static List<NewAlert> check(SilenceCandidate candidate) {
        EvaluationStore store = new OneCandidateStore(candidate);
        NoDataWatch watch = new NoDataWatch(store, new AlertComposer(Clock.fixed(NOW, ZoneOffset.UTC)),
                Clock.fixed(NOW, ZoneOffset.UTC), 10);
        return watch.check(CREATED);
    }

    private static WatchedRule silentRule() {
        RuleDefinition definition = new RuleDefinition(RuleName.of("silent"), ChannelId.of("kitchen"),
                Optional.empty(), new NoDataCondition(new BigDecimal("15")), Rearm.NONE, Actions.none(), true);
        Rule rule = new Rule(EventId.of("E" + "e".repeat(20)), TENANT, DEVICE, definition,
                new WebhookSecret("whsec_" + "A".repeat(40)), 1, CREATED, CREATED);
        return new WatchedRule(rule, RuleState.fresh(CREATED));
    }

    /** Hands the one candidate to the work, as the database would after selecting it. */
    private static final class OneCandidateStore implements EvaluationStore {

        private final SilenceCandidate candidate;

        OneCandidateStore(SilenceCandidate candidate) {
            this.candidate = candidate;
        }

        @Override
        public Evaluation evaluate(Set<ChannelRef> channels, Function<List<WatchedRule>, Evaluation> work) {
            throw new UnsupportedOperationException("not used by the no-data check");
        }

        @Override
        public Evaluation evaluateSilent(Instant now, Instant watchingSince, int limit,
                Function<List<SilenceCandidate>, Evaluation> work) {
            return work.apply(List.of(candidate));
        }
    }
}
