package io.thingbus.gateway.upstream;

import io.thingbus.gateway.config.UpstreamConfig;
import io.thingbus.gateway.domain.Upstream;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/** The configured address of every upstream, checked once at start-up. Immutable. */
final class UpstreamAddresses {

    private static final String PREFIX = "thingbus.gateway.upstream.";

    private final Map<Upstream, UpstreamAddress> addresses;

    private UpstreamAddresses(Map<Upstream, UpstreamAddress> addresses) {
        this.addresses = addresses;
    }

    /** @throws IllegalArgumentException naming the setting when a URL is not usable */
    static UpstreamAddresses from(UpstreamConfig config) {
        Map<Upstream, UpstreamAddress> addresses = new EnumMap<>(Upstream.class);
        for (Upstream upstream : Upstream.values()) {
            String setting = PREFIX + upstream.serviceName() + "-url";
            addresses.put(upstream, UpstreamAddress.parse(setting, urlOf(config, upstream)));
        }
        return new UpstreamAddresses(addresses);
    }

    UpstreamAddress of(Upstream upstream) {
        return addresses.get(upstream);
    }

    private static URI urlOf(UpstreamConfig config, Upstream upstream) {
        return switch (upstream) {
            case DEVICE_SERVICE -> config.deviceServiceUrl();
            case STREAM_SERVICE -> config.streamServiceUrl();
            case EVENT_SERVICE -> config.eventServiceUrl();
            case COMMAND_SERVICE -> config.commandServiceUrl();
            case SESSION_SERVICE -> config.sessionServiceUrl();
        };
    }
}
