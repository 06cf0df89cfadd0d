package io.thingbus.stream;

import io.thingbus.contracts.Topics;
import io.thingbus.testing.SharedInfrastructure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What Kafka knows about the telemetry topic's offsets: its end, and what a consumer group has committed. */
final class KafkaOffsets implements AutoCloseable {

    private final Admin admin = Admin.create(Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers()));

    /** The offset the next record of each partition of the telemetry topic will get. */
    Map<TopicPartition, Long> endOffsets() {
        List<TopicPartition> partitions = get(admin.describeTopics(List.of(Topics.TELEMETRY)).allTopicNames())
                .get(Topics.TELEMETRY).partitions().stream()
                .map(p -> new TopicPartition(Topics.TELEMETRY, p.partition()))
                .toList();
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(latest).all()).forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** The offsets the group has committed; empty when it has committed none. */
    Map<TopicPartition, Long> committed(String group) {
        Map<TopicPartition, OffsetAndMetadata> committed =
                get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                offsets.put(partition, offset.offset());
            }
        });
        return offsets;
    }

    @Override
    public void close() {
        admin.close();
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
