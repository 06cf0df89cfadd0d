package io.thingbus.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from the zonky binaries artifact (no Docker), with a {@code thingbus} database in which
 * every service keeps its own schema. Data lives in the given directory and survives a restart.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "thingbus";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL and creates the {@value #DATABASE} database when it is missing.
     *
     * @param dataDir the cluster's data directory (kept between runs)
     * @param port the port, or 0 for a free one
     */
    public static PostgresServer start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            stopServerLeftBehind(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(FreePort.orFree(port))
                    .setServerConfig("max_connections", "300")
                    .start();
            PostgresServer server = new PostgresServer(postgres);
            server.createDatabaseIfMissing();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dataDir, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return USER;
    }

    /** The local cluster trusts loopback connections; any password is accepted. */
    public String password() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL", e);
        }
    }

    /**
     * A launcher killed with SIGKILL leaves its PostgreSQL running on the data directory, and a new start would fail.
     * Stop that server (fast shutdown) before starting again.
     */
    private static void stopServerLeftBehind(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        if (!firstLine.matches("\\d+")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(firstLine))
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(PostgresServer::terminate);
    }

    private static void terminate(ProcessHandle postgres) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(postgres.pid())).start().waitFor();
            postgres.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            postgres.destroyForcibly();
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery(
                     "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE, e);
        }
    }
}
