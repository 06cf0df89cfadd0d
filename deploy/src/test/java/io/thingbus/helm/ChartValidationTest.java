package io.thingbus.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

/**
 * The chart refuses values that cannot work, with a message that says what to change: values.schema.json for types,
 * ranges and unknown keys, a template `fail` for impossible combinations.
 */
class ChartValidationTest {

    private final ThingbusChart helm = new ThingbusChart();

    @Test
    void lint_passesInStrictMode() {
        LintResult lint = helm.lintStrict();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }

    @Test
    void bundledAndExternalKafka_areRefusedTogether() {
        String refusal = helm.refusal("kafka: {external: {bootstrapServers: kafka:9092}}");

        assertThat(refusal).contains("kafka: choose one Kafka",
                "either kafka.bundled.enabled=true or kafka.external.bootstrapServers, not both");
    }

    @Test
    void noKafkaAtAll_isRefused() {
        assertThat(helm.refusal("kafka: {bundled: {enabled: false}}"))
                .contains("kafka: no Kafka — set kafka.bundled.enabled=true or kafka.external.bootstrapServers");
    }

    @Test
    void bundledAndExternalPostgresql_areRefusedTogether() {
        String refusal = helm.refusal("postgresql: {external: {host: db.example.com, existingSecret: db}}");

        assertThat(refusal).contains("postgresql: choose one database",
                "either postgresql.bundled.enabled=true or postgresql.external.host, not both");
    }

    @Test
    void externalPostgresqlWithoutCredentials_isRefused() {
        String refusal = helm.refusal("postgresql: {bundled: {enabled: false}, external: {host: db.example.com}}");

        assertThat(refusal).contains("postgresql.external.existingSecret is required with an external database");
    }

    @Test
    void aSchemaInTheJdbcParameters_isRefused() {
        String refusal = helm.refusal("""
                postgresql:
                  bundled: {enabled: false}
                  external: {host: db.example.com, existingSecret: db, jdbcParameters: currentSchema=public}
                """);

        assertThat(refusal).contains("leave currentSchema out — each service sets its own schema");
    }

    @Test
    void aPortOutOfRange_isRefusedByTheSchema() {
        String refusal = helm.refusal("brokerService: {service: {ports: {mqtt: 70000}}}");

        assertThat(refusal).contains("values don't meet the specifications of the schema",
                "/brokerService/service/ports/mqtt", "maximum");
    }

    @Test
    void aPublicUrlWithoutScheme_isRefusedByTheSchema() {
        String refusal = helm.refusal("gateway: {publicUrl: api.example.com}");

        assertThat(refusal).contains("/gateway/publicUrl");
    }

    @Test
    void anUnknownKey_isRefusedByTheSchema() {
        String refusal = helm.refusal("gateway: {ingres: {enabled: false}}");

        assertThat(refusal).contains("/gateway", "additional properties 'ingres' not allowed");
    }

    @Test
    void aServiceTypeMqttCannotUse_isRefusedByTheSchema() {
        String refusal = helm.refusal("brokerService: {service: {type: ExternalName}}");

        assertThat(refusal).contains("/brokerService/service/type", "LoadBalancer", "NodePort", "ClusterIP");
    }

    @Test
    void aMalformedDuration_isRefusedByTheSchema() {
        assertThat(helm.refusal("brokerService: {sessions: {maxExpiry: one day}}"))
                .contains("/brokerService/sessions/maxExpiry", "does not match pattern");
    }

    @Test
    void bootstrapServersWithoutAPort_isRefusedByTheSchema() {
        String refusal = helm.refusal("kafka: {bundled: {enabled: false}, external: {bootstrapServers: kafka}}");

        assertThat(refusal).contains("/kafka/external/bootstrapServers", "does not match pattern");
    }

    @Test
    void noMqttListener_isRefused() {
        assertThat(helm.refusal("brokerService: {listeners: {mqtt: false, ws: false}}"))
                .contains("brokerService.listeners: no MQTT listener would open");
    }

    @Test
    void certManagerWithoutHostNames_isRefused() {
        String refusal = helm.refusal("brokerService: {tls: {certManager: {enabled: true, issuerRef: {name: ca}}}}");

        assertThat(refusal).contains("brokerService.tls.certManager.dnsNames is required");
    }

    @Test
    void ingressTlsWithoutASecret_isRefused() {
        assertThat(helm.refusal("gateway: {ingress: {tls: {enabled: true}}}"))
                .contains("gateway.ingress.tls.secretName is required");
    }
}
