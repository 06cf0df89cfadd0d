package io.thingbus.broker.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * HiveMQ's {@code config.xml} as the edge runs it: the given listeners, sessions and queues in memory
 * ({@code persistence/mode in-memory}: nothing survives a restart, and the disk is not pre-allocated), and no
 * anonymous usage statistics sent to the HiveMQ company.
 */
final class HiveMqConfigFile {

    static final String FILE_NAME = "config.xml";

    private HiveMqConfigFile() {
    }

    /** The file's content; {@code listeners} must not be empty. */
    static String render(List<ListenerSpec> listeners) {
        if (listeners.isEmpty()) {
            throw new IllegalArgumentException("at least one MQTT listener must be enabled");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!-- Written by Thingbus broker-service at start-up; edits are overwritten. -->\n"
                + "<hivemq>\n"
                + "  <listeners>\n"
                + listeners.stream().map(l -> "    " + l.toXml() + "\n").collect(Collectors.joining())
                + "  </listeners>\n"
                + "  <persistence><mode>in-memory</mode></persistence>\n"
                + "  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>\n"
                + "</hivemq>\n";
    }

    /** Writes {@link #FILE_NAME} into {@code configFolder} (created when missing), replacing an older one. */
    static Path write(Path configFolder, List<ListenerSpec> listeners) throws IOException {
        Files.createDirectories(configFolder);
        return Files.writeString(configFolder.resolve(FILE_NAME), render(listeners), StandardCharsets.UTF_8);
    }
}
