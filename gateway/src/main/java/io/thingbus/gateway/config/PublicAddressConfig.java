package io.thingbus.gateway.config;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Optional;

/** Where callers reach the gateway from outside (through an Ingress or a load balancer, for example). */
@ConfigMapping(prefix = "thingbus.gateway")
public interface PublicAddressConfig {

    /**
     * The gateway's external base URL, {@code https://api.example.com}: the server the API document names. Absent:
     * the document names the relative server {@code /}, which tools resolve against the URL they loaded it from.
     */
    Optional<URI> publicUrl();
}
