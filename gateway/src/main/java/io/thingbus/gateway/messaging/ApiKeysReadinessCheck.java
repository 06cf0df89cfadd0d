package io.thingbus.gateway.messaging;

import io.thingbus.gateway.domain.ApiKeyDirectory;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once every API key issued before start-up has been read: until then no key can be accepted. */
@Readiness
@Singleton
public class ApiKeysReadinessCheck implements HealthCheck {

    private final ApiKeyDirectory directory;

    public ApiKeysReadinessCheck(ApiKeyDirectory directory) {
        this.directory = directory;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("api-keys").status(directory.loaded()).build();
    }
}
