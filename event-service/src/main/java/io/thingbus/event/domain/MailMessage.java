package io.thingbus.event.domain;

import java.util.Objects;

/** A plain-text mail to one address. */
public record MailMessage(EmailAddress to, String subject, String text) implements NotificationMessage {

    public static final String CHANNEL = "email";

    public MailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public String target() {
        return to.value();
    }

    @Override
    public String publicTarget() {
        return to.value();
    }
}
