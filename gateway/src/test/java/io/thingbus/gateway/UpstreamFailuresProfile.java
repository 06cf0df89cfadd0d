package io.thingbus.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.thingbus.testing.InfrastructureResource;
import java.util.List;
import java.util.Map;

/**
 * The gateway with upstreams that fail (see {@link FailingUpstreamsResource}); an upstream may stay silent for 1 s.
 * The global test resources are replaced, so that the recording upstreams' URLs do not apply here; Kafka stays.
 */
public class UpstreamFailuresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("thingbus.gateway.upstream.timeout", "1s", "thingbus.gateway.upstream.connect-timeout", "1s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(InfrastructureResource.class), new TestResourceEntry(FailingUpstreamsResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
