package io.thingbus.infra;

import java.io.IOException;

/**
 * Entry point of the child JVM that runs the Kafka broker. Uses only the JDK so that it compiles without Kafka on
 * the classpath; it enters Kafka through {@code kafka.Kafka.main} by reflection.
 *
 * <p>The parent keeps this process's standard input open; when the parent dies (even by SIGKILL) the pipe closes,
 * and this process exits, so a broker never outlives the JVM or launcher that started it.
 */
public final class KafkaChildMain {

    private KafkaChildMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: KafkaChildMain <server.properties>");
        }
        exitWhenParentGoes();
        Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) args);
    }

    private static void exitWhenParentGoes() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // the parent never writes; we only wait for end of stream
                }
            } catch (IOException ignored) {
                // a broken pipe means the same: the parent is gone
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
