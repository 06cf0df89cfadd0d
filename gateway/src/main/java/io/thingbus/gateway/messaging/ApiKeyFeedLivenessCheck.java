package io.thingbus.gateway.messaging;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Down only if the thread following the API-key topic died: revocations would no longer arrive. */
@Liveness
@Singleton
public class ApiKeyFeedLivenessCheck implements HealthCheck {

    private final KafkaApiKeyFeed feed;

    public ApiKeyFeedLivenessCheck(KafkaApiKeyFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("api-key-feed").status(feed.alive()).build();
    }
}
