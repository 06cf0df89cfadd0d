package io.thingbus.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/**
 * Where the services behind the gateway listen, and how long the gateway waits for them. Each base URL is
 * {@code http(s)://host:port} with an optional path prefix that is put in front of the forwarded path.
 * Environment variables: {@code THINGBUS_GATEWAY_UPSTREAM_DEVICE_SERVICE_URL} and so on.
 */
@ConfigMapping(prefix = "thingbus.gateway.upstream")
public interface UpstreamConfig {

    /** Base URL of device-service ({@code /device}, {@code /user}, {@code /admin}). */
    @WithDefault("http://127.0.0.1:9102")
    URI deviceServiceUrl();

    /** Base URL of stream-service ({@code /stream}, {@code /channel}). */
    @WithDefault("http://127.0.0.1:9103")
    URI streamServiceUrl();

    /** Base URL of event-service ({@code /event}). */
    @WithDefault("http://127.0.0.1:9104")
    URI eventServiceUrl();

    /** Base URL of command-service ({@code /publish}, {@code /command}, {@code /rpc}). */
    @WithDefault("http://127.0.0.1:9105")
    URI commandServiceUrl();

    /** Base URL of session-service ({@code /session}). */
    @WithDefault("http://127.0.0.1:9106")
    URI sessionServiceUrl();

    /** How long to wait for a connection to an upstream (including a free pooled connection). */
    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * How long an upstream may stay silent once it has the whole request: no response head within this time, or no
     * body data within this time while a response streams. The caller gets 504 when it passes before the response
     * started; a response cut off later ends with a reset connection. The caller's upload itself is not limited by
     * it (the HTTP server's idle timeout, {@code quarkus.http.idle-timeout}, applies to the caller).
     */
    @WithDefault("30s")
    Duration timeout();

    /** Most open HTTP/1.1 connections to each upstream; further requests wait for a free one. */
    @WithDefault("64")
    int maxConnections();
}
