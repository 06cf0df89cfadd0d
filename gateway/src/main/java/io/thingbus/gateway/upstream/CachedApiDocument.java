package io.thingbus.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.gateway.config.ApiDocumentConfig;
import io.vertx.core.Future;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The API document of the whole REST API, built by {@link ApiDocumentAssembler} and kept for the configured time
 * ({@code thingbus.gateway.api-document.cache-ttl}, counted from when the build completed). The first request after
 * that time has it rebuilt and waits for the new document; requests arriving during a build wait for that same build
 * rather than starting another. A build that failed is not kept: the next request starts a new one.
 *
 * <p>Thread-safe: {@link #current} may be called on any event loop and never blocks. The document returned is shared:
 * callers must not change it.
 */
@Singleton
public class CachedApiDocument {

    private final Duration ttl;
    private final Clock clock;
    private final Supplier<Future<JsonNode>> build;

    private Future<JsonNode> document; // guarded by this
    private Instant expiresAt = Instant.MIN; // guarded by this; MIN while a build runs

    @Inject
    public CachedApiDocument(ApiDocumentAssembler assembler, ApiDocumentConfig config) {
        this(config.cacheTtl(), Clock.systemUTC(), assembler::assemble);
    }

    /** @throws IllegalArgumentException when {@code ttl} is negative; zero rebuilds for every request */
    CachedApiDocument(Duration ttl, Clock clock, Supplier<Future<JsonNode>> build) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("thingbus.gateway.api-document.cache-ttl must not be negative, was " + ttl);
        }
        this.ttl = ttl;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.build = Objects.requireNonNull(build, "build");
    }

    /** The document: the kept one while it is fresh, else the one a build (running or started now) completes with. */
    public synchronized Future<JsonNode> current() {
        if (document == null || document.isComplete() && (document.failed() || !clock.instant().isBefore(expiresAt))) {
            Future<JsonNode> building = build.get();
            document = building;
            expiresAt = Instant.MIN;
            building.onSuccess(built -> keepUntilExpiry(building));
        }
        return document;
    }

    private synchronized void keepUntilExpiry(Future<JsonNode> built) {
        if (document == built) {
            expiresAt = clock.instant().plus(ttl);
        }
    }
}
