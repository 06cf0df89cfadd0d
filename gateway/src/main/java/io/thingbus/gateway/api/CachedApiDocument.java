package io.thingbus.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.gateway.config.ApiDocumentConfig;
import io.thingbus.gateway.upstream.ApiDocumentAssembler;
import io.vertx.core.Future;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The API document of the whole REST API, built by {@link ApiDocumentAssembler}, written once in every format
 * ({@link SerialisedApiDocument}) and kept for the configured time ({@code thingbus.gateway.api-document.cache-ttl},
 * at least {@link #MIN_TTL}, counted from when the build completed). The first request after that time has it rebuilt
 * and waits for the new document; requests arriving during a build wait for that same build rather than starting
 * another. A build that failed is not kept: the next request starts a new one.
 *
 * <p>Thread-safe: {@link #current} may be called on any event loop and never blocks. The document returned is shared:
 * callers must not change it.
 */
@Singleton
public class CachedApiDocument {

    /** The shortest time a document is kept: shorter would let anonymous requests make every service busy. */
    static final Duration MIN_TTL = Duration.ofSeconds(1);

    private final Duration ttl;
    private final Clock clock;
    private final Supplier<Future<JsonNode>> build;

    private Future<SerialisedApiDocument> document; // guarded by this
    private Instant expiresAt = Instant.MIN; // guarded by this; MIN while a build runs

    /** @throws IllegalArgumentException when the cache TTL is shorter than {@link #MIN_TTL}: the gateway does not start */
    @Inject
    public CachedApiDocument(ApiDocumentAssembler assembler, ApiDocumentConfig config) {
        this(config.cacheTtl(), Clock.systemUTC(), assembler::assemble);
    }

    /** @throws IllegalArgumentException when {@code ttl} is shorter than {@link #MIN_TTL} */
    CachedApiDocument(Duration ttl, Clock clock, Supplier<Future<JsonNode>> build) {
        if (ttl.compareTo(MIN_TTL) < 0) {
            throw new IllegalArgumentException("thingbus.gateway.api-document.cache-ttl must be at least "
                    + MIN_TTL.toSeconds() + "s, was " + ttl.toMillis() + "ms");
        }
        this.ttl = ttl;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.build = Objects.requireNonNull(build, "build");
    }

    /** The document: the kept one while it is fresh, else the one a build (running or started now) completes with. */
    synchronized Future<SerialisedApiDocument> current() {
        if (document == null || document.isComplete() && (document.failed() || !clock.instant().isBefore(expiresAt))) {
            Future<SerialisedApiDocument> building = build.get().map(SerialisedApiDocument::of);
            document = building;
            expiresAt = Instant.MIN;
            building.onSuccess(built -> keepUntilExpiry(building));
        }
        return document;
    }

    private synchronized void keepUntilExpiry(Future<SerialisedApiDocument> built) {
        if (document == built) {
            expiresAt = clock.instant().plus(ttl);
        }
    }
}
