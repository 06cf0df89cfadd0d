package io.thingbus.stream;

import static io.thingbus.stream.StreamApi.ALL_TIME_END;
import static io.thingbus.stream.StreamApi.ALL_TIME_START;
import static io.thingbus.stream.StreamApi.PATIENCE;
import static io.thingbus.stream.StreamApi.awaitPointCount;
import static io.thingbus.stream.StreamApi.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.kafka.KafkaConsumerLoop;
import io.thingbus.stream.domain.PayloadDecoder;
import io.thingbus.stream.domain.TelemetryIngestion;
import io.thingbus.stream.messaging.IngestionMetrics;
import io.thingbus.stream.persistence.JdbcPointStore;
import io.thingbus.stream.persistence.OutboxSignal;
import io.thingbus.testing.InfrastructureResource;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What happens when records are consumed again (a restart that lost its offsets, a second instance) and when the
 * database is away: a second consumer of the production class runs next to the service's own.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class ConsumerRecoveryIT extends TelemetryProducerFixture {

    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    private static KafkaOffsets offsets;

    @Inject
    TelemetryIngestion ingestion;

    @Inject
    DataSource dataSource;

    @Inject
    PayloadDecoder decoder;

    @BeforeAll
    static void open() {
        offsets = new KafkaOffsets();
    }

    @AfterAll
    static void close() {
        offsets.close();
    }

    @Test
    void consumingTheWholeTopicAgain_asARestartWithResetOffsetsWould_storesNothingTwice() throws Exception {
        Telemetry device = new Telemetry();
        telemetry.send(device.json(T0, "{\"n\":1}"));
        telemetry.send(device.json(T0.plusSeconds(1), "kitchen", "{\"n\":2}"));
        telemetry.send(device.binary(T0.plusSeconds(2), new byte[] {1, 2, (byte) 0xAB}));
        awaitPointCount(device.tenant, device.channel(), 3);
        Map<TopicPartition, Long> ends = offsets.endOffsets();
        String group = "stream-service-replay-" + UUID.randomUUID();

        try (RunningConsumer replay = RunningConsumer.start(group, ingestion,
                new IngestionMetrics(new SimpleMeterRegistry()))) {
            await().atMost(PATIENCE).untilAsserted(() -> assertCommittedUpTo(group, ends));
        }

        range(device.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200)
                .body("count", equalTo(3))
                .body("points.tag", contains(null, "kitchen", null))
                .body("points[0].values.n", equalTo(1))
                .body("points[2].values.value1", equalTo("0102ab"));
    }

    @Test
    void whileTheStoreIsDown_theConsumerNeitherCommitsNorSkips_andStoresTheBatchOnceItIsBack() throws Exception {
        Telemetry device = new Telemetry();
        TelemetryRecord record = device.json(T0, "{\"n\":7}");
        RecordMetadata sent = telemetry.send(record);
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        SwitchableDataSource database = new SwitchableDataSource(dataSource);
        database.down();
        RecordingPointStore store = new RecordingPointStore(
                new JdbcPointStore(database, new OutboxSignal(), Clock.systemUTC()));
        IngestionMetrics metrics = new IngestionMetrics(new SimpleMeterRegistry());
        String group = "stream-service-outage-" + UUID.randomUUID();

        try (RunningConsumer consumer = RunningConsumer.start(group, new TelemetryIngestion(store, decoder), metrics)) {
            await().atMost(PATIENCE).until(() -> metrics.storeFailures() >= 3);
            assertThat(consumer.state()).isEqualTo(KafkaConsumerLoop.State.RETRYING);
            assertThat(offsets.committed(group)).isEmpty();
            assertThat(store.storedRecordIds()).doesNotContain(record.id());

            database.up();

            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(store.storedRecordIds()).contains(record.id());
                assertThat(offsets.committed(group)).hasEntrySatisfying(partition,
                        committed -> assertThat(committed).isGreaterThan(sent.offset()));
                assertThat(consumer.state()).isEqualTo(KafkaConsumerLoop.State.CONSUMING);
            });
        }
        range(device.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200).body("count", equalTo(1)).body("points[0].values.n", equalTo(7));
    }

    private void assertCommittedUpTo(String group, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> committed = offsets.committed(group);
        ends.forEach((partition, end) -> {
            if (end > 0) {
                assertThat(committed.getOrDefault(partition, 0L)).as(partition.toString()).isGreaterThanOrEqualTo(end);
            }
        });
    }
}
