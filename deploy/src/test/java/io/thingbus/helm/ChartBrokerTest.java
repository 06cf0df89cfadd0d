package io.thingbus.helm;

import static io.thingbus.helm.ChartDefaultsTest.mountPaths;
import static io.thingbus.helm.RenderedChart.container;
import static io.thingbus.helm.RenderedChart.env;
import static io.thingbus.helm.RenderedChart.envValue;
import static io.thingbus.helm.RenderedChart.requiredEnv;
import static io.thingbus.helm.ThingbusChart.FULLNAME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** broker-service: its MQTT listeners, the Service devices connect to, TLS from a Kubernetes TLS Secret. */
class ChartBrokerTest {

    private static final String MQTT_SERVICE = FULLNAME + "-mqtt";
    private static final String WITH_TLS_SECRET = "brokerService: {tls: {existingSecret: mqtt-example-com}}";

    private final ThingbusChart helm = new ThingbusChart();

    @Test
    void defaults_openPlainMqttAndWebSocketOnALoadBalancerAndKeepTheTlsListenersClosed() {
        RenderedChart chart = helm.render();
        JsonNode service = chart.get("Service", MQTT_SERVICE);
        JsonNode broker = container(chart.deployment("broker-service"));

        assertThat(service.at("/spec/type").asText()).isEqualTo("LoadBalancer");
        assertThat(ports(service)).containsExactly(Map.entry("mqtt", 1883), Map.entry("ws", 8083));
        assertThat(containerPorts(broker)).containsEntry("mqtt", 1883).containsEntry("ws", 8083)
                .doesNotContainKeys("mqtts", "wss");
        assertThat(envValue(broker, "THINGBUS_BROKER_MQTT_ENABLED")).isEqualTo("true");
        assertThat(envValue(broker, "THINGBUS_BROKER_MQTTS_ENABLED")).isEqualTo("false");
        assertThat(envValue(broker, "THINGBUS_BROKER_WSS_ENABLED")).isEqualTo("false");
        assertThat(env(broker, "THINGBUS_BROKER_TLS_CERTIFICATE_PATH")).isEmpty();
    }

    @Test
    void tlsSecret_isMountedAsPemFilesAndOpensMqttsAndWss() {
        RenderedChart chart = helm.render(WITH_TLS_SECRET);
        JsonNode deployment = chart.deployment("broker-service");
        JsonNode broker = container(deployment);

        assertThat(tlsVolume(deployment).at("/secret/secretName").asText()).isEqualTo("mqtt-example-com");
        assertThat(mountPaths(broker)).contains("/etc/thingbus/broker-tls");
        assertThat(envValue(broker, "THINGBUS_BROKER_TLS_CERTIFICATE_PATH")).isEqualTo("/etc/thingbus/broker-tls/tls.crt");
        assertThat(envValue(broker, "THINGBUS_BROKER_TLS_PRIVATE_KEY_PATH")).isEqualTo("/etc/thingbus/broker-tls/tls.key");
        assertThat(envValue(broker, "THINGBUS_BROKER_MQTTS_ENABLED")).isEqualTo("true");
        assertThat(envValue(broker, "THINGBUS_BROKER_WSS_ENABLED")).isEqualTo("true");
        assertThat(containerPorts(broker)).containsEntry("mqtts", 8883).containsEntry("wss", 8084);
        assertThat(ports(chart.get("Service", MQTT_SERVICE))).containsExactly(
                Map.entry("mqtt", 1883), Map.entry("ws", 8083), Map.entry("mqtts", 8883), Map.entry("wss", 8084));
    }

    @Test
    void service_canBeANodePortWithFixedPortsAndOnlyTheListenersAsked() {
        RenderedChart chart = helm.render("""
                brokerService:
                  listeners: {ws: false, wss: false}
                  tls: {existingSecret: mqtt-example-com}
                  service:
                    type: NodePort
                    externalTrafficPolicy: Local
                    ports: {mqtt: 1883, ws: 8083, mqtts: 443, wss: 8084}
                    nodePorts: {mqtt: 31883, mqtts: 31884}
                """);
        JsonNode service = chart.get("Service", MQTT_SERVICE);

        assertThat(service.at("/spec/type").asText()).isEqualTo("NodePort");
        assertThat(service.at("/spec/externalTrafficPolicy").asText()).isEqualTo("Local");
        assertThat(ports(service)).containsExactly(Map.entry("mqtt", 1883), Map.entry("mqtts", 443));
        assertThat(service.at("/spec/ports/0/nodePort").asInt()).isEqualTo(31883);
        assertThat(service.at("/spec/ports/1/nodePort").asInt()).isEqualTo(31884);
        assertThat(service.at("/spec/ports/1/targetPort").asText()).isEqualTo("mqtts");
        JsonNode broker = container(chart.deployment("broker-service"));
        assertThat(envValue(broker, "THINGBUS_BROKER_WS_ENABLED")).isEqualTo("false");
        assertThat(envValue(broker, "THINGBUS_BROKER_WSS_ENABLED")).isEqualTo("false");
    }

    @Test
    void certManager_issuesAPkcs8CertificateIntoTheSecretTheBrokerMounts() {
        RenderedChart chart = helm.render("""
                brokerService:
                  tls:
                    certManager:
                      enabled: true
                      issuerRef: {name: letsencrypt}
                      dnsNames: [mqtt.example.com]
                """);
        JsonNode certificate = chart.get("Certificate", FULLNAME + "-broker-tls");

        assertThat(certificate.at("/spec/secretName").asText()).isEqualTo(FULLNAME + "-broker-tls");
        assertThat(certificate.at("/spec/privateKey/encoding").asText()).isEqualTo("PKCS8");
        assertThat(certificate.at("/spec/dnsNames/0").asText()).isEqualTo("mqtt.example.com");
        assertThat(certificate.at("/spec/issuerRef/name").asText()).isEqualTo("letsencrypt");
        assertThat(tlsVolume(chart.deployment("broker-service")).at("/secret/secretName").asText())
                .isEqualTo(FULLNAME + "-broker-tls");
    }

    @Test
    void broker_namesItselfAfterItsPodAndKeepsItsFilesInAnEmptyDir() {
        JsonNode deployment = new ThingbusChart().render().deployment("broker-service");
        JsonNode broker = container(deployment);

        assertThat(requiredEnv(broker, "THINGBUS_BROKER_INSTANCE_ID").at("/valueFrom/fieldRef/fieldPath").asText())
                .isEqualTo("metadata.name");
        String dataDir = envValue(broker, "THINGBUS_BROKER_DATA_DIR");
        assertThat(mountPaths(broker)).contains(dataDir);
        JsonNode dataVolume = StreamSupport.stream(deployment.at("/spec/template/spec/volumes").spliterator(), false)
                .filter(v -> v.path("name").asText().equals("data"))
                .findFirst().orElseThrow();
        assertThat(dataVolume.has("emptyDir")).isTrue();
    }

    @Test
    void health_andMetricsStayOffTheDevicesLoadBalancer() {
        RenderedChart chart = helm.render();

        assertThat(ports(chart.get("Service", MQTT_SERVICE))).doesNotContainKey("http");
        assertThat(chart.get("Service", FULLNAME + "-broker-service").at("/spec/type").asText()).isEqualTo("ClusterIP");
    }

    private static JsonNode tlsVolume(JsonNode deployment) {
        return StreamSupport.stream(deployment.at("/spec/template/spec/volumes").spliterator(), false)
                .filter(v -> v.path("name").asText().equals("tls"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no tls volume"));
    }

    /** A Service's ports by name, in order. */
    private static Map<String, Integer> ports(JsonNode service) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        service.at("/spec/ports").forEach(p -> ports.put(p.path("name").asText(), p.path("port").asInt()));
        return ports;
    }

    private static Map<String, Integer> containerPorts(JsonNode container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        return ports;
    }
}
