package io.thingbus.bench;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.thingbus.launcher.DemoUser;
import io.thingbus.launcher.LocalSuite;
import io.thingbus.launcher.SuiteSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The publish path under load, measured, not asserted: {@code clients} MQTT 5 clients each publish {@code messages}
 * QoS 1 telemetry messages (each waits for its PUBACK, which the broker sends only after Kafka acknowledged), then the
 * time until stream-service has stored every point, and the resident memory of each process.
 *
 * <p>Not part of {@code ./mvnw verify} (the name ends in neither Test nor IT). Run it with
 * {@code ./mvnw -pl deploy -am -DskipTests install && ./mvnw -pl deploy test -Dtest=PublishBenchmark
 * -Dbench.clients=16 -Dbench.messages=500}; results go to standard output and {@code deploy/target/benchmark.txt}.
 */
class PublishBenchmark {

    @Test
    void qos1PublishToStoredPoint() throws Exception {
        int clients = Integer.getInteger("bench.clients", 16);
        int messages = Integer.getInteger("bench.messages", 500);
        Path home = Path.of(System.getProperty("thingbus.home", "..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-");
        try (LocalSuite suite = LocalSuite.start(SuiteSettings.anyFreePorts(home, data))) {
            DemoUser user = suite.demoUser();
            warmUp(suite, user);
            long start = System.nanoTime();
            List<String> devices = publishInParallel(suite, user, clients, messages);
            double ackSeconds = (System.nanoTime() - start) / 1e9;
            awaitStored(suite, user, devices, messages);
            double storedSeconds = (System.nanoTime() - start) / 1e9;
            report(clients, messages, ackSeconds, storedSeconds, memory(suite.processIds()));
        }
    }

    private static void warmUp(LocalSuite suite, DemoUser user) throws Exception {
        awaitStored(suite, user, publishInParallel(suite, user, 2, 200), 200);
    }

    /** Publishes from {@code clients} devices at once; returns their ids. */
    private static List<String> publishInParallel(LocalSuite suite, DemoUser user, int clients, int messages)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<String> devices = new ArrayList<>();
        List<Future<?>> done = new ArrayList<>();
        long run = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            String device = "bench-" + run + "-" + c;
            devices.add(device);
            done.add(pool.submit(() -> publish(suite, user, device, messages)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return devices;
    }

    private static void publish(LocalSuite suite, DemoUser user, String device, int messages) {
        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier(device)
                .serverHost(suite.mqttHost()).serverPort(suite.mqttPort())
                .simpleAuth().username(user.userId()).password(user.deviceToken().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().buildBlocking();
        client.connect();
        for (int i = 0; i < messages; i++) {
            client.publishWith().topic(user.deviceToken() + "/json/" + device).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(("{\"seq\":" + i + ",\"temp\":21.5}").getBytes(StandardCharsets.UTF_8)).send();
        }
        client.disconnect();
    }

    private static void awaitStored(LocalSuite suite, DemoUser user, List<String> devices, int messages) {
        for (String device : devices) {
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
                var response = given().baseUri(suite.gatewayUrl()).header("X-API-KEY", user.apiKey())
                        .get("/device/" + device);
                if (response.statusCode() != 200) {
                    return false;
                }
                String channel = response.jsonPath().getString("channel_id");
                return given().baseUri(suite.gatewayUrl()).header("X-API-KEY", user.apiKey())
                        .header("X-STARTTIME", "2020-01-01 00:00").header("X-ENDTIME", "2099-01-01 00:00")
                        .queryParam("limit", 10000).get("/stream/" + channel).jsonPath().getInt("count") >= messages;
            });
        }
    }

    private static Map<String, String> memory(Map<String, Long> pids) {
        Map<String, String> rss = new LinkedHashMap<>();
        pids.forEach((name, pid) -> rss.put(name, ProcFs.residentMemory(pid)));
        return rss;
    }

    private static void report(int clients, int messages, double ackSeconds, double storedSeconds,
            Map<String, String> rss) throws Exception {
        int total = clients * messages;
        StringBuilder out = new StringBuilder();
        out.append(String.format("clients=%d messages/client=%d total=%d%n", clients, messages, total));
        out.append(String.format("QoS 1 publish, PUBACK after Kafka ack: %.1f s, %.0f msg/s%n", ackSeconds, total / ackSeconds));
        out.append(String.format("until every point is stored:          %.1f s, %.0f msg/s%n", storedSeconds,
                total / storedSeconds));
        rss.forEach((name, value) -> out.append(String.format("RSS %-16s %s%n", name, value)));
        BenchmarkReport.publish("benchmark.txt", out.toString());
    }
}
