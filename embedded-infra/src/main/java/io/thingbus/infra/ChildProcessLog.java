package io.thingbus.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * Copies a child process's output to a log file on a daemon thread, keeps the last lines for error messages, and
 * completes {@link #ready()} when a line containing the ready marker appears.
 */
final class ChildProcessLog {

    private static final int TAIL_LINES = 40;

    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Deque<String> tail = new ArrayDeque<>();
    private final String readyMarker;

    private ChildProcessLog(String readyMarker) {
        this.readyMarker = readyMarker;
    }

    static ChildProcessLog follow(Process process, Path logFile, String readyMarker, String name) {
        ChildProcessLog log = new ChildProcessLog(readyMarker);
        Thread pump = new Thread(() -> log.pump(process.getInputStream(), logFile), name + "-log");
        pump.setDaemon(true);
        pump.start();
        return log;
    }

    CompletableFuture<Void> ready() {
        return ready;
    }

    synchronized String tail() {
        return String.join(System.lineSeparator(), tail);
    }

    private void pump(InputStream output, Path logFile) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
             PrintWriter writer = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            String line;
            while ((line = reader.readLine()) != null) {
                writer.println(line);
                remember(line);
                if (line.contains(readyMarker)) {
                    ready.complete(null);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("process ended before it was ready"));
    }

    private synchronized void remember(String line) {
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
    }
}
