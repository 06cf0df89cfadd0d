package io.thingbus.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingbus.contracts.Topics;
import io.thingbus.infra.FreePort;
import io.thingbus.infra.KafkaBroker;
import io.thingbus.infra.KafkaTopicInitializer;
import io.thingbus.infra.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite on one machine: PostgreSQL and Kafka from Maven artifacts, then every service from its packaged
 * Quarkus app, then a demo user. State lives in {@link SuiteSettings#dataDir()} and survives a restart.
 * Used by the {@code ./thingbus} launcher and by the end-to-end tests. Not thread-safe: one owner thread.
 */
public final class LocalSuite implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SuiteSettings settings;
    private final Map<ServiceSpec, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<ServiceSpec, Integer> httpPorts = new HashMap<>();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private DevMailSink mail;
    private LocalCertificates certificates;
    private int mqttsPort;
    private int wssPort;
    private String adminKey;
    private DemoUser demoUser;
    private int mqttPort;
    private int wsPort;

    private LocalSuite(SuiteSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts everything and returns when every service is ready and the demo user exists.
     *
     * @throws IllegalStateException when a part does not start; what did start is stopped again
     */
    public static LocalSuite start(SuiteSettings settings) {
        LocalSuite suite = new LocalSuite(settings);
        try {
            suite.startAll();
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void startAll() {
        checkAppsAreBuilt();
        resolvePorts();
        Path data = settings.dataDir();
        postgres = PostgresServer.start(data.resolve("postgres"), settings.postgresPort());
        kafka = KafkaBroker.start(data.resolve("kafka"), settings.kafkaPort(), Duration.ofSeconds(90));
        KafkaTopicInitializer.createMissing(kafka.bootstrapServers(), Topics.ALL, 3);
        adminKey = AdminKey.loadOrCreate(data.resolve("admin.key"));
        mail = DevMailSink.start(settings.smtpPort(), data.resolve("mail"));
        certificates = LocalCertificates.loadOrCreate(data.resolve("tls"));
        ServiceSpec.ALL.forEach(this::startService);
        services.values().forEach(s -> s.awaitReady(READY_TIMEOUT));
        demoUser = ensureDemoUser(data.resolve("demo-user.json"));
    }

    private void checkAppsAreBuilt() {
        List<String> missing = ServiceSpec.ALL.stream()
                .filter(s -> !Files.isRegularFile(ServiceProcess.appJar(settings.home(), s)))
                .map(ServiceSpec::name)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built: " + missing + " — run ./mvnw -DskipTests package first");
        }
    }

    private void resolvePorts() {
        mqttPort = FreePort.orFree(settings.mqttPort());
        wsPort = FreePort.orFree(settings.wsPort());
        mqttsPort = FreePort.orFree(settings.mqttsPort());
        wssPort = FreePort.orFree(settings.wssPort());
        settings.httpPorts().forEach((service, port) -> httpPorts.put(service, FreePort.orFree(port)));
    }

    private void startService(ServiceSpec spec) {
        ServiceProcess process = ServiceProcess.start(spec, settings.home(), httpPorts.get(spec), environment(spec),
                settings.dataDir().resolve("logs"));
        services.put(spec, process);
    }

    /** What every service gets (infrastructure, admin key), plus what its own features need. */
    private Map<String, String> environment(ServiceSpec spec) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("THINGBUS_ADMIN_KEY", adminKey);
        if (spec.equals(ServiceSpec.BROKER)) {
            env.putAll(brokerEnvironment());
        } else if (spec.equals(ServiceSpec.EVENT)) {
            env.putAll(mailEnvironment());
        } else if (spec.equals(ServiceSpec.GATEWAY)) {
            env.putAll(upstreamEnvironment());
        }
        return env;
    }

    /** Listener ports, the data folder and the local TLS keystore. */
    private Map<String, String> brokerEnvironment() {
        return Map.of(
                "THINGBUS_BROKER_MQTT_PORT", Integer.toString(mqttPort),
                "THINGBUS_BROKER_WS_PORT", Integer.toString(wsPort),
                "THINGBUS_BROKER_MQTTS_PORT", Integer.toString(mqttsPort),
                "THINGBUS_BROKER_WSS_PORT", Integer.toString(wssPort),
                "THINGBUS_BROKER_DATA_DIR", settings.dataDir().resolve("broker").toString(),
                "THINGBUS_BROKER_TLS_KEYSTORE_PATH", certificates.keystore().toString(),
                "THINGBUS_BROKER_TLS_KEYSTORE_PASSWORD", certificates.keystorePassword());
    }

    /** event-service's mail goes to the development sink: plain SMTP on loopback. */
    private Map<String, String> mailEnvironment() {
        return Map.of(
                "QUARKUS_MAILER_HOST", "127.0.0.1",
                "QUARKUS_MAILER_PORT", Integer.toString(mail.port()),
                "QUARKUS_MAILER_FROM", "thingbus@localhost.localdomain",
                "QUARKUS_MAILER_TLS", "false",
                "QUARKUS_MAILER_START_TLS", "DISABLED",
                "QUARKUS_MAILER_MOCK", "false");
    }

    /** Where the gateway finds each service with a REST slice. */
    private Map<String, String> upstreamEnvironment() {
        Map<String, String> env = new HashMap<>();
        ServiceSpec.ALL.stream()
                .filter(s -> !s.equals(ServiceSpec.GATEWAY) && !s.equals(ServiceSpec.BROKER))
                .forEach(s -> env.put(GatewayRoutes.envVar(s), "http://127.0.0.1:" + httpPorts.get(s)));
        return env;
    }

    private DemoUser ensureDemoUser(Path file) {
        AdminApi admin = new AdminApi(gatewayUrl(), adminKey);
        DemoUser known = readDemoUser(file);
        if (known != null && admin.userExists(known.userId())) {
            return known;
        }
        DemoUser created = admin.createUser("Demo user", "demo@example.com");
        writeDemoUser(file, created);
        return created;
    }

    private static DemoUser readDemoUser(Path file) {
        try {
            return Files.exists(file) ? JSON.readValue(file.toFile(), DemoUser.class) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void writeDemoUser(Path file, DemoUser user) {
        try {
            SecretFiles.writePrivate(file, JSON.writeValueAsString(user));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the demo user to " + file, e);
        }
    }

    /** Stops one service: gracefully, or by SIGKILL as a crash would. {@link #startAgain} brings it back. */
    public void stop(ServiceSpec spec, boolean crash) {
        ServiceProcess running = services.remove(spec);
        if (running == null) {
            return;
        }
        if (crash) {
            running.kill();
        } else {
            running.stop(STOP_GRACE);
        }
    }

    /** Starts a stopped service again on its port and waits until it is ready. */
    public void startAgain(ServiceSpec spec) {
        if (services.containsKey(spec)) {
            throw new IllegalStateException(spec.name() + " is running");
        }
        startService(spec);
        services.get(spec).awaitReady(READY_TIMEOUT);
    }

    public String gatewayUrl() {
        return "http://" + settings.host() + ":" + httpPorts.get(ServiceSpec.GATEWAY);
    }

    public String mqttHost() {
        return settings.host();
    }

    public int mqttPort() {
        return mqttPort;
    }

    public int wsPort() {
        return wsPort;
    }

    public int mqttsPort() {
        return mqttsPort;
    }

    public int wssPort() {
        return wssPort;
    }

    /** The CA certificate (PEM) that MQTTS and WSS clients trust. */
    public Path caCertificate() {
        return certificates.caCertificate();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The development mail sink that event-service sends to. */
    public DevMailSink mail() {
        return mail;
    }

    public String adminKey() {
        return adminKey;
    }

    public DemoUser demoUser() {
        return demoUser;
    }

    public SuiteSettings settings() {
        return settings;
    }

    /** The process ids of everything running: each service, Kafka; for benchmarks that measure memory. */
    public Map<String, Long> processIds() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach((spec, process) -> pids.put(spec.name(), process.pid()));
        if (kafka != null) {
            pids.put("kafka", kafka.pid());
        }
        return pids;
    }

    public String serviceUrl(ServiceSpec spec) {
        return "http://127.0.0.1:" + httpPorts.get(spec);
    }

    /** Stops services in reverse start order, then Kafka, then PostgreSQL. Safe to call after a failed start. */
    @Override
    public void close() {
        List<ServiceProcess> running = new ArrayList<>(services.values());
        java.util.Collections.reverse(running);
        running.forEach(s -> s.stop(STOP_GRACE));
        services.clear();
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        if (mail != null) {
            mail.close();
            mail = null;
        }
    }

    /** The operator's admin key: from THINGBUS_ADMIN_KEY, else generated once and kept in the data folder. */
    static final class AdminKey {
        private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

        private AdminKey() {
        }

        static String loadOrCreate(Path file) {
            String fromEnv = System.getenv("THINGBUS_ADMIN_KEY");
            if (fromEnv != null && !fromEnv.isBlank()) {
                return fromEnv.trim();
            }
            try {
                if (Files.exists(file)) {
                    return Files.readString(file).trim();
                }
                String key = random(40);
                SecretFiles.writePrivate(file, key);
                return key;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the admin key in " + file, e);
            }
        }

        static String random(int length) {
            SecureRandom random = new SecureRandom();
            StringBuilder key = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            return key.toString();
        }
    }
}
