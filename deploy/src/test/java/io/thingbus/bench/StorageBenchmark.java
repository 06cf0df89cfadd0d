package io.thingbus.bench;

import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import io.thingbus.infra.KafkaBroker;
import io.thingbus.infra.KafkaTopicInitializer;
import io.thingbus.infra.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The storage path alone, measured, not asserted: a backlog of {@code bench.records} telemetry records (default
 * 100,000) of {@code bench.devices} devices (default 100) of one tenant waits on the telemetry topic, written as the
 * broker writes it ({@link TelemetryBacklog}); then stream-service starts alone from its packaged app, as the launcher
 * starts it ({@link PackagedStreamService}), and drains it. Measured: the time from its start, and from its first
 * stored row, until every point is a row of its {@code stream.points} table (counted over JDBC every
 * {@value #POLL_MILLIS} ms), and its resident memory at the end. Kafka and PostgreSQL are the launcher's (embedded,
 * telemetry topic with 3 partitions); nothing else consumes the topic.
 *
 * <p>Not part of {@code ./mvnw verify} (the name ends in neither Test nor IT). Run it after {@code ./mvnw -DskipTests
 * install} with {@code ./mvnw -o -pl deploy test -Dtest=StorageBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * [-Dbench.records=100000 -Dbench.devices=100]}; results go to standard output and
 * {@code deploy/target/storage-benchmark.txt}, the service's log to {@code deploy/target/storage-bench-<n>/logs}.
 * See docs/benchmarks/README.md for the numbers and how to read them.
 */
class StorageBenchmark {

    private static final TenantId TENANT = TenantId.of("Ustoragebench");
    private static final int TELEMETRY_PARTITIONS = 3;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(15);
    private static final long POLL_MILLIS = 200;
    private static final String TABLE_EXISTS = "SELECT to_regclass('stream.points') IS NOT NULL";
    private static final String COUNT_POINTS = "SELECT count(*) FROM stream.points WHERE tenant = ?";
    private static final String SAMPLE = """
            SELECT (SELECT count(*) FROM stream.channels WHERE tenant = ?), "values"::text
              FROM stream.points WHERE tenant = ? LIMIT 1""";

    /**
     * Seconds from the service's start until its first stored row and until every point was stored; how long the
     * last count took (what one poll costs the machine).
     */
    private record Drain(double firstRowSeconds, double allStoredSeconds, double lastCountMillis) {
    }

    @Test
    void telemetryBacklogDrainedIntoPoints() throws Exception {
        int records = Integer.getInteger("bench.records", 100_000);
        int devices = Integer.getInteger("bench.devices", 100);
        Path home = Path.of(System.getProperty("thingbus.home", "..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "storage-bench-");
        String loadBefore = ProcFs.loadAverage();
        try (PostgresServer postgres = PostgresServer.start(data.resolve("postgres"), 0);
                KafkaBroker kafka = KafkaBroker.start(data.resolve("kafka"), 0, Duration.ofSeconds(90));
                Connection db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                        postgres.password())) {
            KafkaTopicInitializer.createMissing(kafka.bootstrapServers(), Topics.ALL, TELEMETRY_PARTITIONS);
            long producing = System.nanoTime();
            new TelemetryBacklog(TENANT, devices).produce(kafka.bootstrapServers(), records);
            double produceSeconds = (System.nanoTime() - producing) / 1e9;
            try (PackagedStreamService stream = PackagedStreamService.start(home, kafka, postgres,
                    data.resolve("logs"))) {
                Drain drain = awaitEveryPointStored(stream, db, records);
                String rss = ProcFs.residentMemory(stream.pid());
                BenchmarkReport.publish("storage-benchmark.txt",
                        report(records, devices, produceSeconds, drain, rss, loadBefore)
                                + line("stored: %s", storedSample(db)));
            }
        }
    }

    /**
     * Polls the table until it holds {@code records} points of the tenant.
     *
     * @throws IllegalStateException when the service ends or {@link #DRAIN_TIMEOUT} passes first
     */
    private static Drain awaitEveryPointStored(PackagedStreamService stream, Connection db, int records)
            throws SQLException, InterruptedException {
        long deadline = stream.startedNanos() + DRAIN_TIMEOUT.toNanos();
        long firstRow = 0;
        while (true) {
            long polled = System.nanoTime();
            long stored = storedPoints(db);
            double countMillis = (System.nanoTime() - polled) / 1e6;
            if (stored > 0 && firstRow == 0) {
                firstRow = polled;
            }
            if (stored >= records) {
                return new Drain(secondsBetween(stream.startedNanos(), firstRow),
                        secondsBetween(stream.startedNanos(), polled), countMillis);
            }
            stream.requireAlive();
            if (polled > deadline) {
                throw new IllegalStateException("only " + stored + " of " + records + " points stored within "
                        + DRAIN_TIMEOUT + "; see stream-service's log");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** The tenant's points in stream-service's table; 0 while its migration has not created the table yet. */
    private static long storedPoints(Connection db) throws SQLException {
        try (PreparedStatement exists = db.prepareStatement(TABLE_EXISTS);
                ResultSet table = exists.executeQuery()) {
            table.next();
            if (!table.getBoolean(1)) {
                return 0;
            }
        }
        try (PreparedStatement count = db.prepareStatement(COUNT_POINTS)) {
            count.setString(1, TENANT.value());
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** What was stored, to see that the run stored what it claims: the channels made, one point's values. */
    private static String storedSample(Connection db) throws SQLException {
        try (PreparedStatement sample = db.prepareStatement(SAMPLE)) {
            sample.setString(1, TENANT.value());
            sample.setString(2, TENANT.value());
            try (ResultSet result = sample.executeQuery()) {
                result.next();
                return result.getLong(1) + " channels, e.g. values " + result.getString(2);
            }
        }
    }

    private static double secondsBetween(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }

    private static String report(int records, int devices, double produceSeconds, Drain drain, String rss,
            String loadBefore) {
        double draining = drain.allStoredSeconds() - drain.firstRowSeconds();
        StringBuilder out = new StringBuilder();
        out.append(line("records=%d devices=%d tenants=1 partitions=%d cpus=%d", records, devices,
                TELEMETRY_PARTITIONS, Runtime.getRuntime().availableProcessors()));
        out.append(line("backlog produced (acks=all):        %6.1f s, %,.0f records/s", produceSeconds,
                records / produceSeconds));
        out.append(line("stream-service start -> first row:  %6.1f s", drain.firstRowSeconds()));
        out.append(line("stream-service start -> all stored: %6.1f s, %,.0f points/s", drain.allStoredSeconds(),
                records / drain.allStoredSeconds()));
        out.append(draining >= 2 * POLL_MILLIS / 1e3
                ? line("first row -> all stored:            %6.1f s, %,.0f points/s", draining, records / draining)
                : line("first row -> all stored:            %6.1f s (too short to measure at %d ms polls)",
                        draining, POLL_MILLIS));
        out.append(line("RSS stream-service at the end:      %s", rss));
        out.append(line("one count(*) poll at the end:       %.0f ms", drain.lastCountMillis()));
        out.append(line("load average (1/5/15 min): before %s, after %s", loadBefore, ProcFs.loadAverage()));
        return out.toString();
    }

    private static String line(String format, Object... args) {
        return String.format(Locale.ROOT, format + "%n", args);
    }
}
