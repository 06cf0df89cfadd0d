package io.thingbus.helm;

import static io.thingbus.helm.RenderedChart.container;
import static io.thingbus.helm.RenderedChart.env;
import static io.thingbus.helm.RenderedChart.envValue;
import static io.thingbus.helm.RenderedChart.requiredEnv;
import static io.thingbus.helm.ThingbusChart.FULLNAME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.launcher.ServiceSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What `helm install` with the chart's default values deploys: every service, wired to bundled Kafka and PostgreSQL. */
class ChartDefaultsTest {

    /** The services that keep tables in their own PostgreSQL schema. */
    static final List<String> SERVICES_WITH_A_SCHEMA =
            List.of("device-service", "stream-service", "event-service", "command-service", "session-service");

    private static RenderedChart chart;

    @BeforeAll
    static void renderDefaults() {
        chart = new ThingbusChart().render();
    }

    @Test
    void defaults_renderOneDeploymentForEachServiceOfTheSuite() {
        List<String> expected = ServiceSpec.ALL.stream().map(s -> FULLNAME + "-" + s.name()).toList();

        assertThat(chart.namesOf("Deployment")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyService_hasAClusterIpServiceOnItsHttpPort() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            JsonNode service = chart.get("Service", FULLNAME + "-" + spec.name());

            assertThat(service.at("/spec/type").asText()).isEqualTo("ClusterIP");
            assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(8080);
            assertThat(service.at("/spec/selector/app.kubernetes.io~1component").asText()).isEqualTo(spec.name());
            JsonNode container = container(chart.deployment(spec.name()));
            assertThat(envValue(container, "QUARKUS_HTTP_PORT")).isEqualTo("8080");
        }
    }

    @Test
    void everyService_isProbedOnQuarkusHealthEndpoints() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            JsonNode container = container(chart.deployment(spec.name()));

            assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("http");
        }
    }

    @Test
    void everyService_runsAsNonRootOnAReadOnlyRootFileSystemWithAWritableTmp() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            JsonNode deployment = chart.deployment(spec.name());
            JsonNode container = container(deployment);

            assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
            assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
            assertThat(mountPaths(container)).contains("/tmp");
            assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
        }
    }

    @Test
    void everyService_connectsToTheBundledKafka() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            JsonNode container = container(chart.deployment(spec.name()));

            assertThat(envValue(container, "KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(FULLNAME + "-kafka:9092");
        }
        assertThat(chart.get("Service", FULLNAME + "-kafka").at("/spec/ports/0/port").asInt()).isEqualTo(9092);
    }

    @Test
    void servicesWithASchema_connectToTheBundledDatabaseWithThePasswordFromItsSecret() {
        for (String service : SERVICES_WITH_A_SCHEMA) {
            JsonNode container = container(chart.deployment(service));

            assertThat(envValue(container, "QUARKUS_DATASOURCE_JDBC_URL"))
                    .isEqualTo("jdbc:postgresql://" + FULLNAME + "-postgresql:5432/thingbus");
            assertThat(envValue(container, "QUARKUS_DATASOURCE_USERNAME")).isEqualTo("thingbus");
            JsonNode password = requiredEnv(container, "QUARKUS_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef");
            assertThat(password.path("name").asText()).isEqualTo(FULLNAME + "-postgresql");
            assertThat(password.path("key").asText()).isEqualTo("password");
        }
        for (String service : List.of("broker-service", "gateway")) {
            assertThat(env(container(chart.deployment(service)), "QUARKUS_DATASOURCE_JDBC_URL")).isEmpty();
        }
    }

    @Test
    void secrets_areReferencedFromSecretsAndAppearNowhereElse() {
        String adminKey = secretValue(FULLNAME + "-admin-key", "admin-key");
        String databasePassword = secretValue(FULLNAME + "-postgresql", "password");

        assertThat(adminKey).hasSize(40);
        assertThat(databasePassword).hasSizeGreaterThanOrEqualTo(16);
        String everythingButSecrets = chart.ofKind("Deployment").toString() + chart.ofKind("StatefulSet")
                + chart.ofKind("ConfigMap") + chart.ofKind("Job");
        assertThat(everythingButSecrets).doesNotContain(adminKey, databasePassword);
        for (JsonNode container : allContainers()) {
            for (JsonNode variable : container.path("env")) {
                String name = variable.path("name").asText();
                if (name.contains("PASSWORD") || name.endsWith("_KEY")) {
                    assertThat(variable.has("value")).as(name + " is inlined").isFalse();
                    assertThat(chart.find("Secret", variable.at("/valueFrom/secretKeyRef/name").asText()))
                            .as(name + " refers to a Secret of the release").isPresent();
                }
            }
        }
    }

    @Test
    void adminKey_isGivenOnlyToDeviceService() {
        JsonNode key = requiredEnv(container(chart.deployment("device-service")), "THINGBUS_ADMIN_KEY");

        assertThat(key.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo(FULLNAME + "-admin-key");
        assertThat(key.at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("admin-key");
        ServiceSpec.ALL.stream().filter(s -> !s.equals(ServiceSpec.DEVICE)).forEach(s ->
                assertThat(env(container(chart.deployment(s.name())), "THINGBUS_ADMIN_KEY")).isEmpty());
    }

    @Test
    void gateway_reachesEachRestServiceThroughItsInClusterService() {
        JsonNode gateway = container(chart.deployment("gateway"));
        List<ServiceSpec> upstreams = ServiceSpec.ALL.stream()
                .filter(s -> !s.equals(ServiceSpec.GATEWAY) && !s.equals(ServiceSpec.BROKER))
                .toList();

        for (ServiceSpec upstream : upstreams) {
            String variable = "THINGBUS_GATEWAY_UPSTREAM_" + upstream.name().toUpperCase().replace('-', '_') + "_URL";
            URI url = URI.create(envValue(gateway, variable));

            JsonNode service = chart.get("Service", url.getHost());
            assertThat(service.at("/spec/selector/app.kubernetes.io~1component").asText()).isEqualTo(upstream.name());
            assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(url.getPort());
        }
    }

    @Test
    void gateway_isTheIngressBackend() {
        JsonNode ingress = chart.get("Ingress", FULLNAME + "-gateway");

        JsonNode path = ingress.at("/spec/rules/0/http/paths/0");
        assertThat(path.path("path").asText()).isEqualTo("/");
        assertThat(path.at("/backend/service/name").asText()).isEqualTo(FULLNAME + "-gateway");
        assertThat(path.at("/backend/service/port/name").asText()).isEqualTo("http");
        assertThat(ingress.at("/spec/tls").isMissingNode()).isTrue();
    }

    @Test
    void restServices_acceptHttpOnlyFromTheGateway() {
        for (String service : SERVICES_WITH_A_SCHEMA) {
            JsonNode policy = chart.get("NetworkPolicy", FULLNAME + "-" + service);

            assertThat(policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1component").asText()).isEqualTo(service);
            JsonNode from = policy.at("/spec/ingress/0/from");
            assertThat(from).hasSize(1);
            assertThat(from.at("/0/podSelector/matchLabels/app.kubernetes.io~1component").asText()).isEqualTo("gateway");
        }
        assertThat(chart.find("NetworkPolicy", FULLNAME + "-gateway")).isEmpty();
        assertThat(chart.find("NetworkPolicy", FULLNAME + "-broker-service")).isEmpty();
    }

    @Test
    void images_areTheServiceRepositoriesTaggedWithTheChartsAppVersion() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            assertThat(container(chart.deployment(spec.name())).path("image").asText())
                    .isEqualTo("thingbus/" + spec.name() + ":" + ThingbusChart.appVersion());
        }
    }

    @Test
    void installNotes_sayWhereTheApiAndMqttAreAndHowToReadTheAdminKey() {
        String notes = new ThingbusChart().installNotes();

        assertThat(notes).contains("Service " + FULLNAME + "-mqtt (LoadBalancer)", "mqtt: port 1883",
                "get secret " + FULLNAME + "-admin-key", "MQTTS and WSS are closed");
    }

    private String secretValue(String secret, String key) {
        String encoded = chart.get("Secret", secret).path("data").path(key).asText();
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    private List<JsonNode> allContainers() {
        List<JsonNode> containers = new ArrayList<>();
        for (String kind : List.of("Deployment", "StatefulSet", "Job")) {
            chart.ofKind(kind).forEach(w -> w.at("/spec/template/spec/containers").forEach(containers::add));
        }
        return containers;
    }

    static List<String> mountPaths(JsonNode container) {
        return StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .map(m -> m.path("mountPath").asText())
                .toList();
    }
}
