package io.thingbus.event.domain;

/** Sends plain-text mail over SMTP. Blocking; called from notification worker threads, several at once. */
public interface MailSender {

    /**
     * Returns once the SMTP server accepted the mail.
     *
     * @throws DeliveryException when it did not (server unreachable, refused, timed out)
     */
    void send(MailMessage message);
}
