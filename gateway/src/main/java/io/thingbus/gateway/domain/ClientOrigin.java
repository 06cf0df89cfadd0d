package io.thingbus.gateway.domain;

/**
 * Where a request reached the gateway from, for the {@code X-Forwarded-*} headers the upstream receives.
 *
 * @param remoteAddress the peer's IP address, or null when unknown
 * @param host the {@code Host} the client asked for, or null
 * @param scheme {@code http} or {@code https}, or null
 */
public record ClientOrigin(String remoteAddress, String host, String scheme) {
}
