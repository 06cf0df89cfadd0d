package io.thingbus.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service of the suite running as a child JVM from its packaged Quarkus app, configured by environment
 * variables, its output in {@code <data>/logs/<name>.log}.
 *
 * <p>Where util-linux's {@code setpriv} exists, the child is started with a parent-death signal, so it ends with the
 * launcher even when the launcher is killed with SIGKILL. The signal follows the thread that started the child:
 * start services from a thread that lives as long as the suite (the launcher's main thread, a test's thread).
 */
public final class ServiceProcess {

    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceSpec spec;
    private final int httpPort;
    private final Process process;

    private ServiceProcess(ServiceSpec spec, int httpPort, Process process) {
        this.spec = spec;
        this.httpPort = httpPort;
        this.process = process;
    }

    /** Starts the service; returns at once. Call {@link #awaitReady(Duration)} before using it. */
    public static ServiceProcess start(ServiceSpec spec, Path home, int httpPort, Map<String, String> env, Path logDir) {
        Path app = appJar(home, spec);
        try {
            Files.createDirectories(logDir);
            ProcessBuilder builder = new ProcessBuilder(command(app))
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(spec.name() + ".log").toFile()));
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
            return new ServiceProcess(spec, httpPort, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name(), e);
        }
    }

    static Path appJar(Path home, ServiceSpec spec) {
        return home.resolve(spec.name()).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    private static List<String> command(Path app) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETPRIV)) {
            command.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "TERM"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", app.toString()));
        return command;
    }

    public ServiceSpec spec() {
        return spec;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The operating-system process id (for measuring, e.g. its resident memory). */
    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /**
     * Waits until {@code /q/health/ready} answers 200.
     *
     * @throws IllegalStateException when the process ends or the timeout passes first
     */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with code " + process.exitValue()
                        + "; see its log");
            }
            if (isReady()) {
                return;
            }
            pause();
        }
        throw new IllegalStateException(spec.name() + " was not ready within " + timeout + "; see its log");
    }

    private boolean isReady() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + spec.name(), e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** @throws IllegalStateException when the process has ended (it never does on its own while healthy) */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(spec.name() + " exited with code " + process.exitValue() + "; see its log");
        }
    }

    /** Stops gracefully (SIGTERM), then forcibly after the grace period. Idempotent. */
    public void stop(Duration grace) {
        process.destroy();
        awaitExit(grace);
    }

    /** Ends the process at once (SIGKILL), as a crash would. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    private void awaitExit(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
