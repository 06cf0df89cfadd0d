package io.thingbus.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How the gateway builds the one API document of the REST API ({@code GET /openapi}) from the services' documents.
 * The services are asked at the addresses of {@link UpstreamConfig}.
 */
@ConfigMapping(prefix = "thingbus.gateway.api-document")
public interface ApiDocumentConfig {

    /**
     * How long a merged document is served before the next request has it rebuilt from the services' documents; a
     * service that could not be asked is asked again then.
     */
    @WithDefault("60s")
    Duration cacheTtl();

    /** How long the gateway waits for a service's document: for a connection, and then for each piece of the answer. */
    @WithDefault("5s")
    Duration fetchTimeout();
}
