package io.thingbus.device.messaging;

import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.contracts.AttributeRequestRecord;
import io.thingbus.contracts.ClaimRequestRecord;
import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.Topics;
import io.thingbus.device.config.DeviceRequestConfig;
import io.thingbus.device.domain.AttributeRequest;
import io.thingbus.device.domain.Claiming;
import io.thingbus.device.domain.DeviceAttributes;
import io.thingbus.device.domain.GatewayAttributeResponse;
import io.thingbus.kafka.KafkaClientSettings;
import io.thingbus.kafka.KafkaHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/**
 * Reads {@code thingbus.device-requests.v1} (consumer group {@code thingbus.device-requests.group-id}): answers
 * attribute requests with a downlink record to the client that asked, and opens claiming windows. Other record types
 * (RPC responses, which are command-service's) are skipped by {@code ce_type}. A batch's offsets are committed only
 * after Kafka acknowledged every answer and the claiming windows committed; otherwise the batch is read again (an
 * answer may then be sent twice, with the same {@code ce_id}). A record that does not follow its schema is logged,
 * counted and skipped. Runs on its own thread.
 */
@ApplicationScoped
public class KafkaDeviceRequestConsumer {

    /** The consumer thread's name, and how health checks and logs call it. */
    static final String NAME = "device-requests-consumer";

    private static final Logger LOG = Logger.getLogger(KafkaDeviceRequestConsumer.class);

    private final DeviceAttributes attributes;
    private final Claiming claiming;
    private final KafkaDownlinkSender downlink;
    private final KafkaClientSettings kafka;
    private final DeviceRequestConfig config;
    private final RegistrationMetrics registrations;
    private final Clock clock;
    private final MalformedRecords malformed;
    private final Counter answered;
    private final Counter windowsOpened;
    private final FeatureConsumers consumers;

    public KafkaDeviceRequestConsumer(DeviceAttributes attributes, Claiming claiming, KafkaDownlinkSender downlink,
                                      KafkaClientSettings kafka, DeviceRequestConfig config,
                                      RegistrationMetrics registrations, Clock clock, FeatureConsumers consumers) {
        this.attributes = attributes;
        this.claiming = claiming;
        this.downlink = downlink;
        this.kafka = kafka;
        this.config = config;
        this.registrations = registrations;
        this.clock = clock;
        this.consumers = consumers;
        this.malformed = new MalformedRecords(LOG, "device-request", registrations.malformed("requests",
                "Device-request records skipped because they do not follow the schema"));
        this.answered = registrations.counter("attribute.requests.answered",
                "Attribute requests answered (acknowledged by Kafka)");
        this.windowsOpened = registrations.counter("claim.windows.opened", "Claiming windows opened or replaced");
    }

    void start(@Observes StartupEvent event) {
        FeatureConsumer consumer = new FeatureConsumer(LOG, NAME, config,
                "device requests are disabled (thingbus.device-requests.enabled=false)");
        consumers.start(consumer, Topics.DEVICE_REQUESTS,
                kafka.consumer("device-service-requests", config.groupId(), config.autoOffsetReset()),
                this::handle);
    }

    private void handle(ConsumerRecords<byte[], byte[]> records) {
        List<Future<RecordMetadata>> answers = new ArrayList<>();
        List<Claiming.ClaimRequest> claims = new ArrayList<>();
        malformed.forEach(records, record -> {
            String type = KafkaHeaders.type(record.headers());
            if (AttributeRequestRecord.TYPE.equals(type)) {
                answers.add(downlink.send(answer(record)));
            } else if (ClaimRequestRecord.TYPE.equals(type)) {
                claims.add(claimRequest(record));
            }
        });
        Claiming.Outcome opened = claiming.openWindows(claims);
        awaitAcknowledgements(answers);
        registrations.count(opened.registrations());
        windowsOpened.increment(opened.opened());
        answered.increment(answers.size());
    }

    private static Claiming.ClaimRequest claimRequest(ConsumerRecord<byte[], byte[]> record) {
        Claiming.ClaimRequest claim = DeviceRequestRecords.claimRequest(record.value());
        KafkaHeaders.requireTenant(record.headers(), claim.device().tenant());
        return claim;
    }

    private DownlinkRecord answer(ConsumerRecord<byte[], byte[]> record) {
        AttributeRequestRecord request = DeviceRequestRecords.attributeRequest(record.value());
        KafkaHeaders.requireTenant(record.headers(), request.tenant());
        AttributeRequest question = DeviceRequestRecords.toDomain(request);
        byte[] payload = GatewayAttributeResponse.bytes(question, attributes.valuesFor(question));
        String requestId = KafkaHeaders.value(record.headers(), RecordHeaders.CE_ID)
                .orElse(record.topic() + "/" + record.partition() + "/" + record.offset());
        return DeviceRequestRecords.answer(request, payload, requestId,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
    }

    private static void awaitAcknowledgements(List<Future<RecordMetadata>> answers) {
        for (Future<RecordMetadata> answer : answers) {
            try {
                answer.get();
            } catch (ExecutionException e) {
                throw new KafkaException("an attribute answer was not acknowledged: " + e.getCause().getMessage(),
                        e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while waiting for attribute answers", e);
            }
        }
    }
}
