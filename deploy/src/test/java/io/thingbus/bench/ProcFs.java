package io.thingbus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux's {@code /proc} says about a process and the machine, as benchmarks report it next to their numbers.
 * Never throws: where {@code /proc} has no answer (the process ended, not Linux), the value is {@code "?"}.
 */
final class ProcFs {

    private ProcFs() {
    }

    /** The resident memory of process {@code pid} as the kernel writes it ({@code VmRSS}, e.g. {@code 171520 kB}). */
    static String residentMemory(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            return Files.readAllLines(status).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> line.substring("VmRSS:".length()).trim())
                    .findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    /** The load averages over 1, 5 and 15 minutes, e.g. {@code 0.41 1.37 1.67}. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields.length < 3 ? "?" : fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
