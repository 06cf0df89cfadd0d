package io.thingbus.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CachedApiDocumentTest {

    private static final Duration TTL = Duration.ofSeconds(60);

    private final MovableClock clock = new MovableClock();
    private final List<Promise<JsonNode>> builds = new ArrayList<>();
    private final CachedApiDocument cache = new CachedApiDocument(TTL, clock, () -> {
        Promise<JsonNode> build = Promise.promise();
        builds.add(build);
        return build.future();
    });

    @Test
    void document_isBuiltOnce_andServedUntilTheTtlHasPassedSinceItWasBuilt() {
        Future<SerialisedApiDocument> first = cache.current();
        clock.advance(Duration.ofSeconds(5));
        builds.get(0).complete(document(1));

        clock.advance(TTL.minusMillis(1));
        assertThat(versionOf(cache.current())).isEqualTo(1);
        assertThat(builds).hasSize(1);

        clock.advance(Duration.ofMillis(1));
        Future<SerialisedApiDocument> rebuilt = cache.current();
        assertThat(builds).hasSize(2);
        builds.get(1).complete(document(2));
        assertThat(versionOf(rebuilt)).isEqualTo(2);
        assertThat(versionOf(first)).isEqualTo(1);
    }

    @Test
    void document_isWrittenOncePerBuildInEveryFormat_andRequestsGetThoseSameBytes() throws IOException {
        Future<SerialisedApiDocument> first = cache.current();
        builds.get(0).complete(document(1));
        SerialisedApiDocument served = cache.current().result();

        for (ApiDocumentFormat format : ApiDocumentFormat.values()) {
            assertThat(served.in(format)).isSameAs(first.result().in(format));
            assertThat(format.mapper().readTree(served.in(format))).isEqualTo(document(1));
        }
        assertThat(served.in(ApiDocumentFormat.YAML)).isNotEqualTo(served.in(ApiDocumentFormat.JSON));
    }

    @Test
    void requests_duringABuild_waitForThatBuild() {
        Future<SerialisedApiDocument> first = cache.current();
        clock.advance(TTL.multipliedBy(3));
        Future<SerialisedApiDocument> second = cache.current();

        assertThat(builds).hasSize(1);
        assertThat(second).isSameAs(first);
        assertThat(second.isComplete()).isFalse();
    }

    @Test
    void failedBuild_isNotKept_theNextRequestBuildsAgain() {
        Future<SerialisedApiDocument> failed = cache.current();
        builds.get(0).fail(new IllegalStateException("merge failed"));

        Future<SerialisedApiDocument> next = cache.current();
        builds.get(1).complete(document(2));

        assertThat(failed.failed()).isTrue();
        assertThat(versionOf(next)).isEqualTo(2);
    }

    @ParameterizedTest(name = "cache-ttl={0}")
    @ValueSource(strings = {"PT0S", "PT0.999S", "PT-1S"})
    void ttl_shorterThanOneSecond_stopsStartUpNamingTheSetting(String ttl) {
        assertThatThrownBy(() -> new CachedApiDocument(Duration.parse(ttl), clock, () -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thingbus.gateway.api-document.cache-ttl must be at least 1s");
    }

    @Test
    void ttl_ofOneSecond_isAccepted() {
        assertThatCode(() -> new CachedApiDocument(Duration.ofSeconds(1), clock, () -> null)).doesNotThrowAnyException();
    }

    private static JsonNode document(int version) {
        return JsonNodeFactory.instance.objectNode().put("version", version);
    }

    private static int versionOf(Future<SerialisedApiDocument> served) {
        try {
            return new ObjectMapper().readTree(served.result().in(ApiDocumentFormat.JSON)).get("version").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-11-21T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
