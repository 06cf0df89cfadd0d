package io.thingbus.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One firing of a threshold rule ("event") and the state of its notifications, on {@link Topics#ALERTS}.
 * Key: {@link DeviceKey} of the device the rule watches. Type: {@value #TYPE}. Written by event-service.
 *
 * <p>Each firing is published once with {@code status} {@value #FIRED} (notifications still pending) and, when it has
 * notifications, once more with {@value #SETTLED} when every notification was sent or finally failed. Both records
 * carry the same {@code alert_id}; the later one supersedes the earlier.
 *
 * @param tag the tag the rule is restricted to, or null when it watches every tag
 * @param value the value that made the rule fire; null for a no-data rule
 * @param valueTime the time of the point that made the rule fire; for a no-data rule the time of the device's last
 *        point, or null when none was seen since the rule was armed
 * @param firedAt when the rule fired: the point's time for a threshold rule, the check's time for a no-data rule
 */
public record AlertRecord(
        @JsonProperty("alert_id") String alertId,
        @JsonProperty("status") String status,
        @JsonProperty("event_id") String eventId,
        @JsonProperty("event_name") String eventName,
        @JsonProperty("tenant") TenantId tenant,
        @JsonProperty("device_id") DeviceId deviceId,
        @JsonProperty("channel_id") ChannelId channelId,
        @JsonProperty("tag") String tag,
        @JsonProperty("condition") Condition condition,
        @JsonProperty("value") BigDecimal value,
        @JsonProperty("value_time") Instant valueTime,
        @JsonProperty("fired_at") Instant firedAt,
        @JsonProperty("notifications") List<Notification> notifications) {

    public static final String TYPE = "io.thingbus.alert.v1";
    public static final JsonRecordCodec<AlertRecord> CODEC = JsonRecordCodec.of(AlertRecord.class);

    /** {@code status}: the rule fired; notifications may still be pending. */
    public static final String FIRED = "fired";
    /** {@code status}: every notification was sent or finally failed. */
    public static final String SETTLED = "settled";

    @JsonCreator
    public AlertRecord {
        Objects.requireNonNull(alertId, "alert_id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(eventName, "event_name");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(deviceId, "device_id");
        Objects.requireNonNull(channelId, "channel_id");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(firedAt, "fired_at");
        if (!FIRED.equals(status) && !SETTLED.equals(status)) {
            throw new IllegalArgumentException("status must be " + FIRED + " or " + SETTLED);
        }
        notifications = notifications == null ? List.of() : List.copyOf(notifications);
    }

    public DeviceKey key() {
        return DeviceKey.of(tenant, deviceId);
    }

    /**
     * What the rule watched when it fired (a copy: later changes of the rule do not change it).
     *
     * @param kind {@value #THRESHOLD} or {@value #NO_DATA}
     * @param field the payload field compared; null for no-data
     * @param operator {@code >}, {@code >=}, {@code <}, {@code <=}, {@code ==}, {@code !=}, {@code outside} or
     *        {@code inside}; null for no-data
     * @param threshold the threshold of a comparison; null for a range or no-data
     * @param low the lower bound of {@code outside}/{@code inside}, else null
     * @param high the upper bound of {@code outside}/{@code inside}, else null
     * @param noDataMinutes the silence that fires a no-data rule, else null
     */
    public record Condition(
            @JsonProperty("kind") String kind,
            @JsonProperty("field") String field,
            @JsonProperty("operator") String operator,
            @JsonProperty("threshold") BigDecimal threshold,
            @JsonProperty("low") BigDecimal low,
            @JsonProperty("high") BigDecimal high,
            @JsonProperty("no_data_minutes") BigDecimal noDataMinutes) {

        public static final String THRESHOLD = "threshold";
        public static final String NO_DATA = "no_data";

        @JsonCreator
        public Condition {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * One notification of the firing.
     *
     * @param channel {@code email} or {@code webhook}
     * @param target the e-mail address, or for a webhook only its origin ({@code https://host:port}): paths and
     *        queries of webhook URLs often hold secrets and never travel on this topic
     * @param status {@code pending}, {@code sent} or {@code failed}
     * @param attempts delivery attempts so far
     * @param error why the last attempt failed, or null
     * @param updatedAt when the status last changed
     */
    public record Notification(
            @JsonProperty("channel") String channel,
            @JsonProperty("target") String target,
            @JsonProperty("status") String status,
            @JsonProperty("attempts") int attempts,
            @JsonProperty("error") String error,
            @JsonProperty("updated_at") Instant updatedAt) {

        @JsonCreator
        public Notification {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(updatedAt, "updated_at");
        }
    }
}
