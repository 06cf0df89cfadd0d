package io.thingbus.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the local suite keeps its data and on which ports it listens. Ports of 0 mean "any free port" (tests);
 * the launcher's defaults are the documented ones.
 *
 * @param home the repository root (where each module's {@code target/quarkus-app} is)
 * @param dataDir the local state: PostgreSQL and Kafka data, logs, {@code local.env}
 */
public record SuiteSettings(
        Path home,
        Path dataDir,
        String host,
        int mqttPort,
        int wsPort,
        int mqttsPort,
        int wssPort,
        int kafkaPort,
        int postgresPort,
        int smtpPort,
        Map<ServiceSpec, Integer> httpPorts) {

    public SuiteSettings {
        httpPorts = Map.copyOf(httpPorts);
    }

    /** The documented defaults, each overridable by an environment variable (see docs/operations/local.md). */
    public static SuiteSettings defaults(Path home, Map<String, String> env) {
        Map<ServiceSpec, Integer> http = new HashMap<>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            http.put(service, intEnv(env, "THINGBUS_" + service.envName() + "_PORT", service.defaultHttpPort()));
        }
        http.put(ServiceSpec.GATEWAY, intEnv(env, "THINGBUS_GATEWAY_PORT", ServiceSpec.GATEWAY.defaultHttpPort()));
        return new SuiteSettings(
                home,
                Path.of(env.getOrDefault("THINGBUS_DATA_DIR", home.resolve(".thingbus").toString())),
                env.getOrDefault("THINGBUS_HOST", "127.0.0.1"),
                intEnv(env, "THINGBUS_MQTT_PORT", 1883),
                intEnv(env, "THINGBUS_WS_PORT", 8083),
                intEnv(env, "THINGBUS_MQTTS_PORT", 8883),
                intEnv(env, "THINGBUS_WSS_PORT", 8084),
                intEnv(env, "THINGBUS_KAFKA_PORT", 9092),
                intEnv(env, "THINGBUS_POSTGRES_PORT", 15432),
                intEnv(env, "THINGBUS_SMTP_PORT", 2525),
                http);
    }

    /** Every port free-chosen: for tests that run beside a launcher or another test. */
    public static SuiteSettings anyFreePorts(Path home, Path dataDir) {
        Map<ServiceSpec, Integer> http = new HashMap<>();
        ServiceSpec.ALL.forEach(s -> http.put(s, 0));
        return new SuiteSettings(home, dataDir, "127.0.0.1", 0, 0, 0, 0, 0, 0, 0, http);
    }

    private static int intEnv(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
        }
    }
}
