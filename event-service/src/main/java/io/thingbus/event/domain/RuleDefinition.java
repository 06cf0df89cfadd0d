package io.thingbus.event.domain;

import io.thingbus.contracts.ChannelId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user defines: a rule on a channel (and optionally one tag of it), its condition, when it re-arms, and its
 * actions. Checks the combinations its parts cannot check alone.
 *
 * @param tag the only tag whose points the rule looks at; empty: points of every tag (and points without a tag)
 * @param enabled a disabled rule is not evaluated and does not fire
 * @throws InvalidRuleException when the parts do not fit together (re-arm settings on a no-data rule, a hysteresis on
 *         {@code ==}/{@code !=}, a hysteresis band wider than an {@code outside} range)
 */
public record RuleDefinition(RuleName name, ChannelId channel, Optional<Tag> tag, Condition condition, Rearm rearm,
        Actions actions, boolean enabled) {

    public RuleDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(rearm, "rearm");
        Objects.requireNonNull(actions, "actions");
        List<InvalidRuleException.Violation> violations = violations(condition, rearm);
        if (!violations.isEmpty()) {
            throw new InvalidRuleException(violations);
        }
    }

    private static List<InvalidRuleException.Violation> violations(Condition condition, Rearm rearm) {
        List<InvalidRuleException.Violation> violations = new ArrayList<>();
        if (condition instanceof NoDataCondition && !rearm.isNone()) {
            violations.add(new InvalidRuleException.Violation("rearm",
                    "applies to threshold rules only; a no-data rule re-arms when data arrives"));
        }
        if (condition instanceof ThresholdCondition threshold && rearm.hysteresis().signum() > 0) {
            Comparison comparison = threshold.comparison();
            if (!comparison.operator().allowsHysteresis()) {
                violations.add(new InvalidRuleException.Violation("rearm.hysteresis",
                        "does not apply to == and !="));
            } else if (comparison.operator() == Operator.OUTSIDE && rearm.hysteresis()
                    .multiply(BigDecimal.valueOf(2)).compareTo(comparison.high().subtract(comparison.low())) > 0) {
                violations.add(new InvalidRuleException.Violation("rearm.hysteresis",
                        "must be at most half of high - low, or the rule could never re-arm"));
            }
        }
        return violations;
    }

    /** Whether a point of this tag ({@code empty}: no tag) is one the rule looks at. */
    public boolean watchesTag(Optional<String> pointTag) {
        return tag.isEmpty() || pointTag.filter(t -> t.equals(tag.get().value())).isPresent();
    }
}
