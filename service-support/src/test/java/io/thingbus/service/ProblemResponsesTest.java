package io.thingbus.service;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.jboss.logging.Logger.Level;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    private static final Problem NOT_FOUND = Problem.of(404, "device-not-found", "Device not found",
            "this tenant has no device with that id");
    private static final Problem STORE_DOWN = Problem.of(503, "store-unavailable", "Store unavailable",
            "the store is unavailable; retry later");

    private final RecordingLogger log = new RecordingLogger();

    @Test
    void respond_answersWithTheProblemAndThePathAsInstance() {
        Response response = ProblemResponses.respond(NOT_FOUND, "/devices/d1", new IllegalArgumentException("no d1"), log);

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getEntity()).isEqualTo(NOT_FOUND.withInstance("/devices/d1"));
    }

    @Test
    void aRefusal_isLoggedAtDebug_withoutStackTrace_namingPathDetailAndCause() {
        ProblemResponses.respond(NOT_FOUND, "/devices/d1", new IllegalArgumentException("no device U1/d1"), log);

        assertThat(log.lines()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo(Level.DEBUG);
            assertThat(line.thrown()).isNull();
            assertThat(line.text()).isEqualTo(
                    "request refused (404): /devices/d1 this tenant has no device with that id (no device U1/d1)");
        });
    }

    @Test
    void aRefusal_whoseCauseSaysNoMore_logsTheDetailOnce() {
        ProblemResponses.respond(NOT_FOUND, "/devices/d1", new IllegalArgumentException(NOT_FOUND.detail()), log);

        assertThat(log.lines()).singleElement().extracting(RecordingLogger.Line::text)
                .isEqualTo("request refused (404): /devices/d1 this tenant has no device with that id");
    }

    @Test
    void aFailure_isLoggedAtError_withItsCause_whichTheClientNeverSees() {
        IllegalStateException cause = new IllegalStateException("pool exhausted at db-1", new SQLException("FATAL"));

        Response response = ProblemResponses.respond(Problem.internalError(), "/devices", cause, log);

        assertThat(log.lines()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo(Level.ERROR);
            assertThat(line.thrown()).isSameAs(cause);
            assertThat(line.text()).isEqualTo("request failed: /devices");
        });
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(((Problem) response.getEntity()).detail()).doesNotContain("db-1", "FATAL", "IllegalState");
    }

    @Test
    void serviceUnavailable_tellsWhenToRetry() {
        Response response = ProblemResponses.respond(STORE_DOWN, "/streams", new IllegalStateException("down"), log);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getEntity()).isEqualTo(STORE_DOWN.withInstance("/streams"));
        assertThat(log.lines()).extracting(RecordingLogger.Line::level).containsExactly(Level.ERROR);
    }

    @Test
    void otherStatuses_carryNoRetryAfter() {
        assertThat(ProblemResponses.respond(NOT_FOUND, "/x", null, log).getHeaderString("Retry-After")).isNull();
        assertThat(ProblemResponses.respond(Problem.internalError(), "/x", null, log).getHeaderString("Retry-After"))
                .isNull();
        assertThat(ProblemResponses.respond(Problem.of(504, "t", "T", "d"), "/x", null, log)
                .getHeaderString("Retry-After")).isNull();
    }

    @Test
    void withoutARequest_theProblemHasNoInstance() {
        Response response = ProblemResponses.respond(NOT_FOUND, ProblemResponses.path(null), null, log);

        assertThat(((Problem) response.getEntity()).instance()).isNull();
        assertThat(log.lines()).extracting(RecordingLogger.Line::text)
                .containsExactly("request refused (404): null this tenant has no device with that id");
    }
}
