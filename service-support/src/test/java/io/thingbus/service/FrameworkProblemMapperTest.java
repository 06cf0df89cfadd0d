package io.thingbus.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import org.junit.jupiter.api.Test;

class FrameworkProblemMapperTest {

    @Test
    void unknownPath_isA404Problem() {
        Problem problem = FrameworkProblemMapper.fromStatus(404);

        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.type()).isEqualTo("https://thingbus.io/problems/not-found");
        assertThat(problem.title()).isEqualTo("Not Found");
    }

    @Test
    void wrongMethod_isA405Problem() {
        assertThat(FrameworkProblemMapper.fromStatus(405).title()).isEqualTo("Method Not Allowed");
    }

    @Test
    void unreadableJson_isA400ProblemWithoutParserDetails() {
        Problem problem = FrameworkProblemMapper.problemFor(new JsonParseException(null, "Unexpected char 'x' at 1:3"));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).doesNotContain("Unexpected char");
    }

    @Test
    void unexpectedFailure_isA500WithAGenericDetail() {
        Problem problem = FrameworkProblemMapper.problemFor(new IllegalStateException("connection pool exhausted at db-1"));

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.detail()).doesNotContain("db-1").doesNotContain("IllegalState");
    }

    @Test
    void problemException_keepsItsProblem() {
        Problem refused = Problem.invalidField("header X-ENDTIME", "is required");

        Problem problem = FrameworkProblemMapper.problemFor(new ProblemException(refused));

        assertThat(problem).isEqualTo(refused);
        assertThat(problem.errors()).extracting(Problem.FieldViolation::field).containsExactly("header X-ENDTIME");
    }
}
