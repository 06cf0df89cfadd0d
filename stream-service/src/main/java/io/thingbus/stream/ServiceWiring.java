package io.thingbus.stream;

import io.quarkus.runtime.StartupEvent;
import io.thingbus.stream.config.StreamApiConfig;
import io.thingbus.stream.domain.ChannelService;
import io.thingbus.stream.domain.PayloadDecoder;
import io.thingbus.stream.domain.StreamService;
import io.thingbus.stream.domain.TelemetryIngestion;
import io.thingbus.stream.persistence.JdbcChannelCatalog;
import io.thingbus.stream.persistence.JdbcDeviceDirectory;
import io.thingbus.stream.persistence.JdbcPointStore;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Builds the framework-free domain objects from their adapters, and checks settings that depend on each other. */
@Singleton
public class ServiceWiring {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    PayloadDecoder payloadDecoder() {
        return new PayloadDecoder();
    }

    @Produces
    @Singleton
    StreamService streamService(JdbcChannelCatalog channels, JdbcPointStore points, Clock clock,
            StreamApiConfig api) {
        return new StreamService(channels, points, clock, Math.max(1, api.maxBuckets()));
    }

    @Produces
    @Singleton
    ChannelService channelService(JdbcChannelCatalog channels, JdbcDeviceDirectory devices, Clock clock) {
        return new ChannelService(channels, devices, clock);
    }

    @Produces
    @Singleton
    TelemetryIngestion telemetryIngestion(JdbcPointStore points, PayloadDecoder decoder) {
        return new TelemetryIngestion(points, decoder);
    }

    void checkApiLimits(@Observes StartupEvent event, StreamApiConfig api) {
        if (api.maxLimit() < 1 || api.defaultLimit() < 1 || api.defaultLimit() > api.maxLimit()) {
            throw new IllegalStateException("thingbus.stream.api: default-limit and max-limit must be at least 1 and "
                    + "default-limit at most max-limit (got " + api.defaultLimit() + " and " + api.maxLimit() + ")");
        }
        if (api.maxWritePoints() < 1) {
            throw new IllegalStateException("thingbus.stream.api.max-write-points must be at least 1");
        }
        if (api.maxBuckets() < 1) {
            throw new IllegalStateException("thingbus.stream.api.max-buckets must be at least 1");
        }
    }
}
