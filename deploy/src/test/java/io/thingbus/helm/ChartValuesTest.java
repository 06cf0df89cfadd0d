package io.thingbus.helm;

import static io.thingbus.helm.RenderedChart.container;
import static io.thingbus.helm.RenderedChart.env;
import static io.thingbus.helm.RenderedChart.envValue;
import static io.thingbus.helm.RenderedChart.requiredEnv;
import static io.thingbus.helm.ThingbusChart.FULLNAME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.launcher.ServiceSpec;
import org.junit.jupiter.api.Test;

/** Values operators set beyond the defaults: images, SMTP, the Ingress, extra settings, optional resources. */
class ChartValuesTest {

    private final ThingbusChart helm = new ThingbusChart();

    @Test
    void images_comeFromTheRegistryWithTheGlobalTagOrTheServicesOwn() {
        RenderedChart chart = helm.render("""
                image: {registry: registry.example.com/iot/, tag: "1.2.3", pullSecrets: [registry-login]}
                gateway: {image: {tag: "1.2.4"}}
                """);

        assertThat(container(chart.deployment("device-service")).path("image").asText())
                .isEqualTo("registry.example.com/iot/thingbus/device-service:1.2.3");
        assertThat(container(chart.deployment("gateway")).path("image").asText())
                .isEqualTo("registry.example.com/iot/thingbus/gateway:1.2.4");
        assertThat(chart.deployment("stream-service").at("/spec/template/spec/imagePullSecrets/0/name").asText())
                .isEqualTo("registry-login");
    }

    @Test
    void smtp_isConfiguredForEventServiceWithCredentialsFromASecret() {
        RenderedChart chart = helm.render("""
                eventService:
                  smtp: {host: smtp.example.com, port: 465, tls: true, startTls: DISABLED, existingSecret: smtp-login}
                """);
        JsonNode events = container(chart.deployment("event-service"));

        assertThat(envValue(events, "QUARKUS_MAILER_HOST")).isEqualTo("smtp.example.com");
        assertThat(envValue(events, "QUARKUS_MAILER_PORT")).isEqualTo("465");
        assertThat(envValue(events, "QUARKUS_MAILER_TLS")).isEqualTo("true");
        assertThat(envValue(events, "QUARKUS_MAILER_START_TLS")).isEqualTo("DISABLED");
        assertThat(requiredEnv(events, "QUARKUS_MAILER_PASSWORD").at("/valueFrom/secretKeyRef/name").asText())
                .isEqualTo("smtp-login");
        assertThat(env(container(chart.deployment("device-service")), "QUARKUS_MAILER_HOST")).isEmpty();
    }

    @Test
    void publicUrl_ofTheApiDocument_comesFromTheIngressHost_orTheOperator() {
        JsonNode byDefault = container(helm.render().deployment("gateway"));
        JsonNode fromIngress = container(helm.render("""
                gateway: {ingress: {host: api.example.com, path: /iot/, tls: {enabled: true, secretName: api-tls}}}
                """).deployment("gateway"));
        JsonNode fromOperator = container(helm.render("""
                gateway: {publicUrl: "https://iot.example.com/api", ingress: {host: api.example.com}}
                """).deployment("gateway"));

        assertThat(env(byDefault, "THINGBUS_GATEWAY_PUBLIC_URL")).isEmpty();
        assertThat(envValue(fromIngress, "THINGBUS_GATEWAY_PUBLIC_URL")).isEqualTo("https://api.example.com/iot");
        assertThat(envValue(fromOperator, "THINGBUS_GATEWAY_PUBLIC_URL")).isEqualTo("https://iot.example.com/api");
    }

    @Test
    void ingress_servesOneHostOverTlsWithTheOperatorsClassAndAnnotations() {
        RenderedChart chart = helm.render("""
                gateway:
                  ingress:
                    className: nginx
                    host: api.example.com
                    annotations: {nginx.ingress.kubernetes.io/proxy-body-size: 64m}
                    tls: {enabled: true, secretName: api-example-com}
                """);
        JsonNode ingress = chart.get("Ingress", FULLNAME + "-gateway");

        assertThat(ingress.at("/spec/ingressClassName").asText()).isEqualTo("nginx");
        assertThat(ingress.at("/spec/rules/0/host").asText()).isEqualTo("api.example.com");
        assertThat(ingress.at("/spec/tls/0/secretName").asText()).isEqualTo("api-example-com");
        assertThat(ingress.at("/spec/tls/0/hosts/0").asText()).isEqualTo("api.example.com");
        assertThat(ingress.at("/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-body-size").asText())
                .isEqualTo("64m");
    }

    @Test
    void ingress_canBeLeftOut() {
        assertThat(helm.render("gateway: {ingress: {enabled: false}}").ofKind("Ingress")).isEmpty();
    }

    @Test
    void extraEnvironment_reachesEveryServiceOrOne() {
        RenderedChart chart = helm.render("""
                extraEnv:
                  - name: KAFKA_SASL_JAAS_CONFIG
                    valueFrom: {secretKeyRef: {name: kafka-client, key: jaas}}
                streamService:
                  extraEnv: [{name: THINGBUS_STREAM_CONSUMER_GROUP_ID, value: stream-blue}]
                  jvmOptions: "-XX:MaxRAMPercentage=70"
                """);

        for (ServiceSpec spec : ServiceSpec.ALL) {
            JsonNode container = container(chart.deployment(spec.name()));
            assertThat(requiredEnv(container, "KAFKA_SASL_JAAS_CONFIG").at("/valueFrom/secretKeyRef/name").asText())
                    .isEqualTo("kafka-client");
        }
        JsonNode stream = container(chart.deployment("stream-service"));
        assertThat(envValue(stream, "THINGBUS_STREAM_CONSUMER_GROUP_ID")).isEqualTo("stream-blue");
        assertThat(envValue(stream, "JDK_JAVA_OPTIONS")).isEqualTo("-XX:MaxRAMPercentage=70");
        assertThat(env(container(chart.deployment("session-service")), "THINGBUS_STREAM_CONSUMER_GROUP_ID")).isEmpty();
    }

    @Test
    void existingAdminKeySecret_isUsedInsteadOfAGeneratedOne() {
        RenderedChart chart = helm.render("adminKey: {existingSecret: thingbus-admin, secretKey: key}");

        assertThat(chart.find("Secret", FULLNAME + "-admin-key")).isEmpty();
        JsonNode key = requiredEnv(container(chart.deployment("device-service")), "THINGBUS_ADMIN_KEY");
        assertThat(key.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("thingbus-admin");
        assertThat(key.at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("key");
    }

    @Test
    void replicasAndDisruptionBudgets_areSetPerService() {
        RenderedChart chart = helm.render("""
                podDisruptionBudget: {enabled: true}
                brokerService: {replicas: 3}
                """);

        assertThat(chart.deployment("broker-service").at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(chart.deployment("gateway").at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(chart.namesOf("PodDisruptionBudget")).hasSize(ServiceSpec.ALL.size());
        assertThat(chart.get("PodDisruptionBudget", FULLNAME + "-broker-service").at("/spec/maxUnavailable").asInt())
                .isEqualTo(1);
    }

    @Test
    void serviceMonitor_scrapesTheHttpServicesOnly() {
        RenderedChart chart = helm.render("metrics: {serviceMonitor: {enabled: true, labels: {release: prometheus}}}");
        JsonNode monitor = chart.get("ServiceMonitor", FULLNAME);

        assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("prometheus");
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
        String selector = monitor.at("/spec/selector/matchLabels/thingbus.io~1http").asText();
        assertThat(selector).isEqualTo("true");
        long selected = chart.ofKind("Service").stream()
                .filter(s -> s.at("/metadata/labels/thingbus.io~1http").asText().equals(selector))
                .count();
        assertThat(selected).isEqualTo(ServiceSpec.ALL.size());
    }

    @Test
    void networkPolicies_canBeLeftOut() {
        assertThat(helm.render("networkPolicy: {enabled: false}").ofKind("NetworkPolicy")).isEmpty();
    }
}
