package io.thingbus.event.domain;

import io.thingbus.contracts.AlertRecord;
import java.util.List;

/** Turns an alert and its notifications into the record published on the alerts topic. */
public final class AlertRecords {

    private AlertRecords() {
    }

    /** @param status {@link AlertRecord#FIRED} or {@link AlertRecord#SETTLED} */
    public static AlertRecord of(Alert alert, List<Notification> notifications, String status) {
        return new AlertRecord(alert.id().toString(), status, alert.eventId().value(), alert.eventName().value(),
                alert.tenant(), alert.device(), alert.channel(), alert.tag().map(Tag::value).orElse(null),
                condition(alert.condition()), alert.value().orElse(null), alert.valueTime().orElse(null),
                alert.firedAt(), notifications.stream().map(AlertRecords::notification).toList());
    }

    /** The condition as it appears in alert records and webhook bodies. */
    public static AlertRecord.Condition condition(Condition condition) {
        if (condition instanceof ThresholdCondition threshold) {
            Comparison comparison = threshold.comparison();
            return new AlertRecord.Condition(AlertRecord.Condition.THRESHOLD, threshold.field().value(),
                    comparison.operator().symbol(), comparison.threshold(), comparison.low(), comparison.high(), null);
        }
        NoDataCondition noData = (NoDataCondition) condition;
        return new AlertRecord.Condition(AlertRecord.Condition.NO_DATA, null, null, null, null, null,
                noData.minutes());
    }

    private static AlertRecord.Notification notification(Notification notification) {
        NotificationMessage message = notification.message();
        return new AlertRecord.Notification(message.channel(), message.publicTarget(),
                notification.status().wireName(), notification.attempts(), notification.lastError().orElse(null),
                notification.updatedAt());
    }
}
