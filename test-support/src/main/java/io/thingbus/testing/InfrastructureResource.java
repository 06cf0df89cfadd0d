package io.thingbus.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a Quarkus service under test at the JVM-wide {@link SharedInfrastructure}: Kafka bootstrap servers and the
 * PostgreSQL data source. Use with {@code @QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)}.
 * {@link #stop()} leaves the infrastructure running for the next test class; it ends with the JVM.
 */
public class InfrastructureResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        SharedInfrastructure infra = SharedInfrastructure.get();
        return Map.of(
                "kafka.bootstrap.servers", infra.kafkaBootstrapServers(),
                "quarkus.datasource.jdbc.url", infra.jdbcUrl(),
                "quarkus.datasource.username", infra.dbUsername(),
                "quarkus.datasource.password", infra.dbPassword());
    }

    @Override
    public void stop() {
        // shared: stops with the JVM
    }
}
