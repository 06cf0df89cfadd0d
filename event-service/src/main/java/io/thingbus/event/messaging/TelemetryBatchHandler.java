package io.thingbus.event.messaging;

import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.Topics;
import io.thingbus.event.domain.NewAlert;
import io.thingbus.event.domain.PointFields;
import io.thingbus.event.domain.Reading;
import io.thingbus.event.domain.StreamPosition;
import io.thingbus.event.domain.TelemetryEvaluation;
import io.thingbus.kafka.KafkaConsumerLoop;
import io.thingbus.kafka.KafkaHeaders;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * Evaluates a batch of {@link Topics#TELEMETRY} records against the rules of the channels their devices write to.
 * Records that break the telemetry contract are logged, counted and skipped. Once the outcome is stored, the
 * notification workers and the alert relay are woken. Runs on the telemetry consumer's thread.
 */
final class TelemetryBatchHandler implements KafkaConsumerLoop.BatchHandler {

    private static final Logger LOG = Logger.getLogger(TelemetryBatchHandler.class);

    private final TelemetryEvaluation evaluation;
    private final EventMetrics metrics;
    private final Runnable alertsStored;

    /** @param alertsStored called after a batch stored new alerts; must not block */
    TelemetryBatchHandler(TelemetryEvaluation evaluation, EventMetrics metrics, Runnable alertsStored) {
        this.evaluation = evaluation;
        this.metrics = metrics;
        this.alertsStored = alertsStored;
    }

    @Override
    public void handle(ConsumerRecords<byte[], byte[]> records) {
        List<Reading> points = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                points.add(reading(record));
            } catch (MalformedRecordException e) {
                metrics.malformed(Topics.TELEMETRY);
                LOG.warnf("skipped malformed telemetry record at %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        List<NewAlert> fired = evaluation.evaluate(points);
        metrics.telemetryRecords(records.count());
        metrics.fired(fired);
        if (!fired.isEmpty()) {
            LOG.debugf("%d alert(s) fired", fired.size());
            alertsStored.run();
        }
    }

    static Reading reading(ConsumerRecord<byte[], byte[]> record) {
        TelemetryRecord telemetry = TelemetryRecord.fromHeaders(KafkaHeaders.toContract(record.headers()),
                record.value());
        return new Reading(telemetry.tenant(), telemetry.device(), telemetry.tag().filter(t -> !t.isEmpty()),
                telemetry.time(), PointFields.read(telemetry.format(), telemetry.payload()),
                new StreamPosition(record.partition(), record.offset()));
    }
}
