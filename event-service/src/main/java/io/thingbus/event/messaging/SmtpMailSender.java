package io.thingbus.event.messaging;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.thingbus.event.domain.DeliveryException;
import io.thingbus.event.domain.MailMessage;
import io.thingbus.event.domain.MailSender;
import jakarta.inject.Singleton;

/**
 * {@link MailSender} over SMTP with Quarkus Mailer; server, TLS, credentials and sender address are
 * {@code quarkus.mailer.*}. Blocks the calling (worker) thread until the server accepted the mail or
 * {@code quarkus.mailer.timeout} passed. Thread-safe.
 */
@Singleton
public class SmtpMailSender implements MailSender {

    private final Mailer mailer;

    public SmtpMailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void send(MailMessage message) {
        try {
            mailer.send(Mail.withText(message.to().value(), message.subject(), message.text()));
        } catch (RuntimeException e) {
            throw new DeliveryException("SMTP: " + reason(e), false);
        }
    }

    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
