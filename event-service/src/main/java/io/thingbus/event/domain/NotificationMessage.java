package io.thingbus.event.domain;

/** What one notification delivers, fixed when the rule fires so that every retry sends the same bytes. */
public sealed interface NotificationMessage permits MailMessage, WebhookMessage {

    /** {@code email} or {@code webhook}. */
    String channel();

    /** Where it goes, as the rule's owner may see it: the address, or the full URL. */
    String target();

    /** Where it goes, as anyone may see it: the address, or only the webhook's origin. */
    String publicTarget();
}
