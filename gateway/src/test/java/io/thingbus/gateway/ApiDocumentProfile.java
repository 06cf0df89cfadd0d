package io.thingbus.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.thingbus.testing.InfrastructureResource;
import java.util.List;
import java.util.Map;

/**
 * The gateway in front of services that document themselves, session-service down at first
 * ({@link DocumentingUpstreams}); the merged document is kept for 1 s only, and the gateway has a public URL. The
 * global test resources are replaced, so that the recording upstreams' URLs do not apply here; Kafka stays.
 */
public class ApiDocumentProfile implements QuarkusTestProfile {

    static final String PUBLIC_URL = "https://api.example.com";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("thingbus.gateway.api-document.cache-ttl", "1s",
                "thingbus.gateway.api-document.fetch-timeout", "2s",
                "thingbus.gateway.public-url", PUBLIC_URL + "/");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(InfrastructureResource.class),
                new TestResourceEntry(DocumentingUpstreamsResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
