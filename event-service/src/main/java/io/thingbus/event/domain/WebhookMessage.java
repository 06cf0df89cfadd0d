package io.thingbus.event.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A JSON body to POST to a webhook, with its signature ({@code sha256=<hex HMAC-SHA256 of the body>}).
 *
 * @param alertId the alert the body describes; sent as {@value #ALERT_ID_HEADER} so receivers can drop a retried
 *        delivery they already processed
 */
public record WebhookMessage(WebhookUrl url, String body, String signature, UUID alertId)
        implements NotificationMessage {

    public static final String CHANNEL = "webhook";
    public static final String SIGNATURE_HEADER = "X-Thingbus-Signature";
    public static final String ALERT_ID_HEADER = "X-Thingbus-Alert-Id";

    public WebhookMessage {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(alertId, "alertId");
    }

    /** The headers besides {@code Content-Type: application/json}. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SIGNATURE_HEADER, signature);
        headers.put(ALERT_ID_HEADER, alertId.toString());
        return headers;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public String target() {
        return url.toString();
    }

    @Override
    public String publicTarget() {
        return url.origin();
    }
}
