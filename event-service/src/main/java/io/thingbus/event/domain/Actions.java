package io.thingbus.event.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule does when it fires, besides recording the alert: a mail to each address (one mail per address, so
 * recipients do not see each other), and a signed POST to the webhook. Both may be empty: the alert is then only
 * recorded and published on the alerts topic.
 */
public record Actions(List<EmailAddress> emails, Optional<WebhookUrl> webhook) {

    public static final int MAX_EMAILS = 10;

    public Actions {
        emails = List.copyOf(emails);
        Objects.requireNonNull(webhook, "webhook");
        if (emails.size() > MAX_EMAILS) {
            throw new IllegalArgumentException("at most " + MAX_EMAILS + " addresses");
        }
        if (new HashSet<>(emails).size() != emails.size()) {
            throw new IllegalArgumentException("lists an address twice");
        }
    }

    public static Actions none() {
        return new Actions(List.of(), Optional.empty());
    }
}
