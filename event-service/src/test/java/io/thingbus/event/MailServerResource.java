package io.thingbus.event;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the service's mailer at the test JVM's real SMTP server ({@link MailServer}). Use with
 * {@code @QuarkusTestResource(value = MailServerResource.class, restrictToAnnotatedClass = false)}.
 */
public class MailServerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        MailServer server = MailServer.get();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(server.port()),
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
        // shared: stops with the JVM
    }
}
