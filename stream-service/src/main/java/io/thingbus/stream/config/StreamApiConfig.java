package io.thingbus.stream.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the REST API ({@code thingbus.stream.api.*}, env {@code THINGBUS_STREAM_API_*}). */
@ConfigMapping(prefix = "thingbus.stream.api")
public interface StreamApiConfig {

    /** Points per page of {@code GET /stream/{channel_id}} when the request names no {@code limit}. */
    @WithDefault("1000")
    int defaultLimit();

    /** The largest {@code limit} a request may ask for. */
    @WithDefault("10000")
    int maxLimit();

    /** The most points one {@code POST /stream/{channel_id}} may write. */
    @WithDefault("10000")
    int maxWritePoints();

    /** The most intervals the range of one aggregated read ({@code ?aggregate=...&interval=...}) may hold. */
    @WithDefault("10000")
    int maxBuckets();
}
