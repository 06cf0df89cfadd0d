package io.thingbus.event.domain;

/**
 * A notification could not be delivered this time.
 *
 * @see MailSender
 * @see WebhookSender
 */
public final class DeliveryException extends RuntimeException {

    private final boolean permanent;

    /**
     * @param reason for the owner of the rule, without secrets (it is shown by the API and published on Kafka)
     * @param permanent whether trying again cannot help (the notification fails at once)
     */
    public DeliveryException(String reason, boolean permanent) {
        super(reason, null, false, false);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
