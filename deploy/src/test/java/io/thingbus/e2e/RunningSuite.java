package io.thingbus.e2e;

import io.thingbus.launcher.LocalSuite;
import io.thingbus.launcher.SuiteSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole suite, started once per test JVM from the packaged apps exactly as {@code ./thingbus up} starts it (on
 * free ports), and shared by the end-to-end test classes. It stops when the JVM exits.
 */
final class RunningSuite {

    private static LocalSuite suite;

    private RunningSuite() {
    }

    static synchronized LocalSuite get() {
        if (suite == null) {
            suite = LocalSuite.start(SuiteSettings.anyFreePorts(home(), dataDir()));
            Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "e2e-suite-stop"));
        }
        return suite;
    }

    private static Path home() {
        return Path.of(System.getProperty("thingbus.home", "..")).toAbsolutePath().normalize();
    }

    private static Path dataDir() {
        try {
            return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "e2e-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
