package io.thingbus.session.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.session.domain.ConnectedDevice;
import io.thingbus.session.domain.InMemorySessionStore;
import io.thingbus.session.domain.LifecycleProjection;
import io.thingbus.session.domain.Session;
import io.thingbus.session.domain.SessionChanges;
import io.thingbus.session.domain.SessionStore;
import io.thingbus.session.domain.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * One polled batch through the handler the lifecycle consumer's loop calls: a batch it returns from is committed past
 * every record, a batch it throws for is read again.
 */
class LifecycleBatchHandlerTest {

    private static final TenantId TENANT = TenantId.of("U1");
    private static final TopicPartition PARTITION = new TopicPartition("thingbus.lifecycle.v1", 2);
    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final InMemorySessionStore store = new InMemorySessionStore();

    @Test
    void batchWithMalformedRecords_isHandled_soTheLoopCommitsPastThem_andCountsThem() {
        ConsumerRecords<byte[], byte[]> records = new ConsumerRecords<>(Map.of(PARTITION, List.of(
                record(7, SessionEventRecord.CODEC.encode(connected("c-1"))),
                record(8, "not json".getBytes(StandardCharsets.UTF_8)),
                record(9, null),
                record(10, SessionEventRecord.CODEC.encode(disconnected("c-0"))))), Map.of());

        handler(new LifecycleProjection(store)).handle(records);

        assertThat(store.sessionsOf(TENANT)).extracting(Session::connectionId).containsExactly("c-1");
        assertThat(count("thingbus.session.lifecycle.events", "outcome", "applied")).isEqualTo(1);
        assertThat(count("thingbus.session.lifecycle.events", "outcome", "stale")).isEqualTo(1);
        assertThat(count("thingbus.session.lifecycle.rejected", "reason", "malformed-record")).isEqualTo(2);
    }

    @Test
    void batchTheDatabaseFails_isThrownBackToBeReadAgain_namingTheCause_andCountsAStoreFailure() {
        LifecycleProjection failing = new LifecycleProjection(new FailingStore());
        ConsumerRecords<byte[], byte[]> records = new ConsumerRecords<>(Map.of(PARTITION, List.of(
                record(7, SessionEventRecord.CODEC.encode(connected("c-1"))))), Map.of());

        assertThatThrownBy(() -> handler(failing).handle(records))
                .hasMessage("session store unavailable: cannot store session changes (Connection refused)");

        assertThat(registry.get("thingbus.session.store.failures").counter().count()).isEqualTo(1);
        assertThat(count("thingbus.session.lifecycle.events", "outcome", "applied")).isZero();
    }

    private LifecycleBatchHandler handler(LifecycleProjection projection) {
        return new LifecycleBatchHandler(projection, new LifecycleMetrics(registry));
    }

    private double count(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }

    private static SessionEventRecord connected(String connectionId) {
        return new SessionEventRecord("connected", TENANT, "c", connectionId, "broker-0", null, "tcp", "5",
                List.of(), null, AT);
    }

    private static SessionEventRecord disconnected(String connectionId) {
        return new SessionEventRecord("disconnected", TENANT, "c", connectionId, "broker-0", null, null, null,
                List.of(), "lost", AT);
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, byte[] value) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset,
                "U1/c".getBytes(StandardCharsets.UTF_8), value);
        record.headers().add(RecordHeaders.CE_TYPE, SessionEventRecord.TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** A database that is down. */
    private static final class FailingStore implements SessionStore {

        @Override
        public List<Session> sessionsOf(TenantId tenant) {
            return List.of();
        }

        @Override
        public List<ConnectedDevice> connectedDevicesOf(TenantId owner) {
            return List.of();
        }

        @Override
        public void inTransaction(Consumer<SessionChanges> work) {
            throw new StoreUnavailableException("cannot store session changes", new SQLException("Connection refused"));
        }
    }
}
