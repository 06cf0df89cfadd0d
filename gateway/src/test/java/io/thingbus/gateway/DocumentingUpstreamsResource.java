package io.thingbus.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.thingbus.gateway.domain.Upstream;
import java.util.HashMap;
import java.util.Map;

/** Points every upstream URL of the gateway under test at its {@link DocumentingUpstreams} address. */
public class DocumentingUpstreamsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (Upstream upstream : Upstream.values()) {
            config.put("thingbus.gateway.upstream." + upstream.serviceName() + "-url", DocumentingUpstreams.url(upstream));
        }
        return config;
    }

    @Override
    public void stop() {
        // the servers end with the JVM
    }
}
