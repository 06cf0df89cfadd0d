package io.thingbus.event.domain;

/** POSTs webhook bodies. Blocking; called from notification worker threads, several at once. */
public interface WebhookSender {

    /**
     * Returns once the receiver answered with a 2xx status.
     *
     * @throws DeliveryException on any other status (redirects are not followed), a connection failure or a timeout
     */
    void post(WebhookMessage message);
}
