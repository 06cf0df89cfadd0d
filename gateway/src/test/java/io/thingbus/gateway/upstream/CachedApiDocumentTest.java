package io.thingbus.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
        Future<JsonNode> first = cache.current();
        clock.advance(Duration.ofSeconds(5));
        builds.get(0).complete(document(1));

        clock.advance(TTL.minusMillis(1));
        assertThat(cache.current().result()).isEqualTo(document(1));
        assertThat(builds).hasSize(1);

        clock.advance(Duration.ofMillis(1));
        Future<JsonNode> rebuilt = cache.current();
        assertThat(builds).hasSize(2);
        builds.get(1).complete(document(2));
        assertThat(rebuilt.result()).isEqualTo(document(2));
        assertThat(first.result()).isEqualTo(document(1));
    }

    @Test
    void requests_duringABuild_waitForThatBuild() {
        Future<JsonNode> first = cache.current();
        clock.advance(TTL.multipliedBy(3));
        Future<JsonNode> second = cache.current();

        assertThat(builds).hasSize(1);
        assertThat(second).isSameAs(first);
        assertThat(second.isComplete()).isFalse();
    }

    @Test
    void failedBuild_isNotKept_theNextRequestBuildsAgain() {
        Future<JsonNode> failed = cache.current();
        builds.get(0).fail(new IllegalStateException("merge failed"));

        Future<JsonNode> next = cache.current();
        builds.get(1).complete(document(2));

        assertThat(failed.failed()).isTrue();
        assertThat(next.result()).isEqualTo(document(2));
    }

    @Test
    void zeroTtl_buildsForEveryRequest_andANegativeOneIsRefused() {
        List<Integer> built = new ArrayList<>();
        CachedApiDocument uncached = new CachedApiDocument(Duration.ZERO, clock, () -> {
            built.add(built.size());
            return Future.succeededFuture(document(built.size()));
        });

        uncached.current();
        uncached.current();

        assertThat(built).hasSize(2);
        assertThatThrownBy(() -> new CachedApiDocument(Duration.ofSeconds(-1), clock, () -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cache-ttl");
    }

    private static JsonNode document(int version) {
        return JsonNodeFactory.instance.objectNode().put("version", version);
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
