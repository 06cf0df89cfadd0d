package io.thingbus.launcher;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./thingbus up}: starts the whole suite on this machine, prints where everything listens, writes
 * {@code .thingbus/local.env}, and stays in the foreground until Ctrl-C or SIGTERM, which stops everything it started.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length > 0 ? args[0] : "up";
        if (!command.equals("up")) {
            System.err.println("usage: thingbus up");
            System.exit(2);
        }
        Path home = Path.of(System.getProperty("thingbus.home", ".")).toAbsolutePath().normalize();
        SuiteSettings settings = SuiteSettings.defaults(home, System.getenv());
        System.out.println("Starting Thingbus (data in " + settings.dataDir() + ") ...");
        LocalSuite suite;
        try {
            suite = LocalSuite.start(settings);
        } catch (RuntimeException e) {
            System.err.println("Thingbus did not start: " + e.getMessage());
            System.err.println("Logs: " + settings.dataDir().resolve("logs"));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(suite, stopped), "thingbus-stop"));
        Path envFile = LocalEnvFile.write(suite);
        System.out.println(Banner.of(suite, envFile));
        stopped.await();
    }

    private static void stop(LocalSuite suite, CountDownLatch stopped) {
        System.out.println("Stopping Thingbus ...");
        suite.close();
        System.out.println("Stopped.");
        stopped.countDown();
    }
}
