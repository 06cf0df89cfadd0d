package io.thingbus.launcher;

import java.nio.file.Path;

/** What the launcher prints once the suite is ready. */
final class Banner {

    private Banner() {
    }

    static String of(LocalSuite suite, Path envFile) {
        StringBuilder out = new StringBuilder("\nThingbus is running.\n\n");
        line(out, "REST API (gateway)", suite.gatewayUrl());
        line(out, "MQTT", "mqtt://" + suite.mqttHost() + ":" + suite.mqttPort());
        line(out, "MQTT over WebSocket", "ws://" + suite.mqttHost() + ":" + suite.wsPort() + "/mqtt");
        line(out, "MQTTS", "mqtts://localhost:" + suite.mqttsPort());
        line(out, "MQTT over secure WS", "wss://localhost:" + suite.wssPort() + "/mqtt");
        line(out, "TLS CA certificate", suite.caCertificate() + "  (trust it in clients: --cafile)");
        line(out, "Kafka", suite.kafkaBootstrapServers());
        line(out, "Mail (development sink)", "smtp://127.0.0.1:" + suite.mail().port() + "  → messages in "
                + suite.mail().folder());
        for (ServiceSpec service : ServiceSpec.ALL) {
            line(out, service.name(), suite.serviceUrl(service) + "  (health: /q/health, metrics: /q/metrics)");
        }
        line(out, "Logs", suite.settings().dataDir().resolve("logs").toString());
        out.append("\nDemo user ").append(suite.demoUser().userId())
                .append(" — credentials and addresses are in ").append(envFile).append(":\n")
                .append("  set -a; . ").append(envFile).append("; set +a\n")
                .append("\nPress Ctrl-C to stop.\n");
        return out.toString();
    }

    private static void line(StringBuilder out, String what, String where) {
        out.append(String.format("  %-22s %s%n", what, where));
    }
}
