package io.thingbus.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How the gateway builds the one API document of the REST API ({@code GET /openapi}) from the services' documents.
 * The services are asked at the addresses of {@link UpstreamConfig}. Values out of range stop the gateway at
 * start-up with a message naming the setting.
 */
@ConfigMapping(prefix = "thingbus.gateway.api-document")
public interface ApiDocumentConfig {

    /**
     * How long a merged document is served before the next request has it rebuilt from the services' documents; a
     * service that could not be asked is asked again then. At least 1 s, so that anonymous requests cannot make the
     * gateway ask every service for every request.
     */
    @WithDefault("60s")
    Duration cacheTtl();

    /**
     * How long the gateway gives one service to serve its whole document: connection, request and every byte of the
     * answer. A service that takes longer is left out of this build.
     */
    @WithDefault("5s")
    Duration fetchTimeout();

    /** The largest document the gateway reads from one service; a larger one is cut off and the service left out. */
    @WithDefault("4M")
    MemorySize maxDocumentSize();
}
