package io.thingbus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a benchmark's results go: standard output (to read them in the build log) and a file under {@code target/}
 * (to copy them into docs/benchmarks). A file of the same name is replaced.
 */
final class BenchmarkReport {

    private BenchmarkReport() {
    }

    /** Prints {@code text} and writes it to {@code target/<fileName>} of the module the benchmark runs in. */
    static void publish(String fileName, String text) throws IOException {
        System.out.println(text);
        Files.writeString(Path.of("target", fileName), text);
    }
}
