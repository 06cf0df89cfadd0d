package io.thingbus.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class ProblemTableTest {

    private static class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message);
        }
    }

    private static final class FieldRefusal extends Refusal {
        final String field;

        FieldRefusal(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    private static final class Outage extends RuntimeException {
    }

    private static final ProblemTable<RuntimeException> TABLE = ProblemTable.of(RuntimeException.class)
            .when(FieldRefusal.class, e -> Problem.invalidField(e.field, e.getMessage()))
            .when(Refusal.class, e -> Problem.of(409, "refused", "Refused", e.getMessage()))
            .when(Outage.class, e -> Problem.of(503, "store-unavailable", "Store unavailable", "retry later"))
            .otherwise(e -> Problem.internalError());

    @Test
    void aRow_receivesTheExceptionAsItsOwnType() {
        Problem problem = TABLE.problemFor(new FieldRefusal("body.name", "is required"));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).containsExactly(new Problem.FieldViolation("body.name", "is required"));
    }

    @Test
    void theFirstMatchingRowWins_soASubclassListedFirstIsNotTakenForItsParent() {
        assertThat(TABLE.problemFor(new FieldRefusal("f", "m")).status()).isEqualTo(400);
        assertThat(TABLE.problemFor(new Refusal("taken")).status()).isEqualTo(409);
    }

    @Test
    void aRowMatchesSubclassesOfItsType() {
        ProblemTable<RuntimeException> parentFirst = ProblemTable.of(RuntimeException.class)
                .when(Refusal.class, e -> Problem.of(409, "refused", "Refused", e.getMessage()))
                .when(FieldRefusal.class, e -> Problem.invalidField(e.field, e.getMessage()))
                .otherwise(e -> Problem.internalError());

        assertThat(parentFirst.problemFor(new FieldRefusal("f", "m")).status()).isEqualTo(409);
    }

    @Test
    void whatNoRowMatches_becomesTheFallback() {
        assertThat(TABLE.problemFor(new IllegalStateException("boom"))).isEqualTo(Problem.internalError());
        assertThat(TABLE.problemFor(new Outage()).status()).isEqualTo(503);
    }

    @Test
    void aRowThatMakesNoProblem_failsLoudly() {
        ProblemTable<RuntimeException> broken = ProblemTable.of(RuntimeException.class)
                .when(Outage.class, e -> null)
                .otherwise(e -> Problem.internalError());

        assertThatNullPointerException().isThrownBy(() -> broken.problemFor(new Outage()))
                .withMessageContaining("Outage");
    }
}
