package io.thingbus.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void withErrors_namesTheFields_andKeepsEverythingElse() {
        Problem qos = Problem.of(400, "qos-not-supported", "QoS not supported", "use qos=0 or qos=1");
        List<Problem.FieldViolation> violations = new ArrayList<>(List.of(new Problem.FieldViolation("qos", "use 0 or 1")));

        Problem named = qos.withErrors(violations);
        violations.clear();

        assertThat(named.errors()).containsExactly(new Problem.FieldViolation("qos", "use 0 or 1"));
        assertThat(named).usingRecursiveComparison().ignoringFields("errors").isEqualTo(qos);
    }

    @Test
    void internalError_isA500ThatTellsNothingOfItsCause() {
        Problem problem = Problem.internalError();

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.type()).isEqualTo("https://thingbus.io/problems/internal-error");
        assertThat(problem.detail()).isEqualTo("the request could not be processed; it has been logged");
    }
}
