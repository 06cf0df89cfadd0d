package io.thingbus.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code .thingbus/local.env}: where the running suite listens and the demo user's credentials, as shell
 * assignments ({@code set -a; . .thingbus/local.env}). Holds secrets: owner-readable only, git-ignored.
 */
final class LocalEnvFile {

    private LocalEnvFile() {
    }

    static Map<String, String> entries(LocalSuite suite) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("THINGBUS_API", suite.gatewayUrl());
        env.put("THINGBUS_MQTT", suite.mqttHost() + ":" + suite.mqttPort());
        env.put("THINGBUS_MQTT_HOST", suite.mqttHost());
        env.put("THINGBUS_MQTT_PORT", Integer.toString(suite.mqttPort()));
        env.put("THINGBUS_WS", suite.mqttHost() + ":" + suite.wsPort());
        env.put("THINGBUS_MQTTS", "localhost:" + suite.mqttsPort());
        env.put("THINGBUS_MQTTS_PORT", Integer.toString(suite.mqttsPort()));
        env.put("THINGBUS_WSS", "localhost:" + suite.wssPort());
        env.put("THINGBUS_CA", suite.caCertificate().toString());
        env.put("THINGBUS_KAFKA", suite.kafkaBootstrapServers());
        env.put("THINGBUS_SMTP", "127.0.0.1:" + suite.mail().port());
        env.put("THINGBUS_MAIL_DIR", suite.mail().folder().toString());
        env.put("THINGBUS_ADMIN_KEY", suite.adminKey());
        env.put("THINGBUS_USER_ID", suite.demoUser().userId());
        env.put("THINGBUS_API_KEY", suite.demoUser().apiKey());
        env.put("THINGBUS_DEVICE_TOKEN", suite.demoUser().deviceToken());
        return env;
    }

    static Path write(LocalSuite suite) {
        Path file = suite.settings().dataDir().resolve("local.env");
        String content = entries(suite).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "# written by ./thingbus up; sourced with: set -a; . " + file + "; set +a\n", "\n"));
        try {
            SecretFiles.writePrivate(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
