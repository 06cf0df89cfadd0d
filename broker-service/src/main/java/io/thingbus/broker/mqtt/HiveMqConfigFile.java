package io.thingbus.broker.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * HiveMQ's {@code config.xml} as the edge runs it: the given listeners, the session limits, sessions and queues in
 * memory ({@code persistence/mode in-memory}: nothing survives a restart, and the disk is not pre-allocated), and no
 * anonymous usage statistics sent to the HiveMQ company. The file holds keystore passwords, so it is readable by its
 * owner only (where the file system allows).
 */
final class HiveMqConfigFile {

    static final String FILE_NAME = "config.xml";

    /** HiveMQ's largest session expiry (seconds): about 136 years, "never" in practice. */
    private static final long MAX_SESSION_EXPIRY_SECONDS = 4_294_967_295L;

    private HiveMqConfigFile() {
    }

    /** The file's content; {@code listeners} must not be empty. */
    static String render(List<ListenerSpec> listeners, SessionLimits sessions) {
        if (listeners.isEmpty()) {
            throw new IllegalArgumentException("at least one MQTT listener must be enabled");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!-- Written by Thingbus broker-service at start-up; edits are overwritten. -->\n"
                + "<hivemq>\n"
                + "  <listeners>\n"
                + listeners.stream().map(l -> "    " + l.toXml() + "\n").collect(Collectors.joining())
                + "  </listeners>\n"
                + "  " + sessions.toXml() + "\n"
                + "  <persistence><mode>in-memory</mode></persistence>\n"
                + "  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>\n"
                + "</hivemq>\n";
    }

    /** Writes {@link #FILE_NAME} into {@code configFolder} (created when missing), replacing an older one. */
    static Path write(Path configFolder, List<ListenerSpec> listeners, SessionLimits sessions) throws IOException {
        Files.createDirectories(configFolder);
        Path file = configFolder.resolve(FILE_NAME);
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data directory's permissions protect it
        }
        return Files.writeString(file, render(listeners, sessions), StandardCharsets.UTF_8);
    }

    /**
     * How long a session may outlive its connection at most (whole seconds, at most HiveMQ's maximum), and how many
     * messages HiveMQ queues per client before it drops new ones.
     */
    record SessionLimits(Duration maxExpiry, long maxQueuedMessages) {

        SessionLimits {
            Objects.requireNonNull(maxExpiry, "maxExpiry");
            if (maxExpiry.isNegative()) {
                throw new IllegalArgumentException("thingbus.broker.sessions.max-expiry must not be negative");
            }
            if (maxQueuedMessages < 1) {
                throw new IllegalArgumentException("thingbus.broker.sessions.max-queued-messages must be at least 1");
            }
        }

        String toXml() {
            long seconds = Math.min(maxExpiry.getSeconds(), MAX_SESSION_EXPIRY_SECONDS);
            return "<mqtt>"
                    + "<queued-messages>" + Xml.element("max-queue-size", Long.toString(maxQueuedMessages))
                    + Xml.element("strategy", "discard") + "</queued-messages>"
                    + "<session-expiry>" + Xml.element("max-interval", Long.toString(seconds)) + "</session-expiry>"
                    + "</mqtt>";
        }
    }
}
