package io.thingbus.command.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevicePublisherTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00.123Z");
    private static final SecretHash TOKEN = SecretHash.of("tok");
    private static final DeviceKey KEY = DeviceKey.of(TenantId.of("Upub"), DeviceId.of("dev-1"));
    private static final byte[] BODY = "{\"led\":\"on\"}".getBytes(StandardCharsets.UTF_8);

    private final Map<DeviceKey, KnownDevice> devices = new HashMap<>();
    private final List<DownlinkSubscription> subscriptions = new ArrayList<>();
    private final List<DownlinkRecord> sent = new ArrayList<>();
    private RuntimeException sessionFailure;
    private RuntimeException sendFailure;

    private final DevicePublisher publisher = new DevicePublisher(
            key -> Optional.ofNullable(devices.get(key)),
            key -> {
                if (sessionFailure != null) {
                    throw sessionFailure;
                }
                return subscriptions;
            },
            record -> {
                if (sendFailure != null) {
                    throw sendFailure;
                }
                sent.add(record);
            },
            Clock.fixed(NOW, ZoneOffset.UTC), 16);

    @Test
    void publish_sendsTheBodyUnchanged_toTheDevicesThingScaleTopic_underItsTokenHash() {
        devices.put(KEY, new KnownDevice(KEY, Optional.of(TOKEN)));

        PublishReceipt receipt = publisher.publish(new PublishRequest(KEY,
                new PublishOptions(0, Optional.of(Duration.ofSeconds(60))), BODY));

        assertThat(sent).hasSize(1);
        DownlinkRecord record = sent.get(0);
        assertThat(record.id()).isEqualTo(receipt.id());
        assertThat(record.source()).isEqualTo("//thingbus/command-service");
        assertThat(record.key()).isEqualTo(KEY);
        assertThat(record.topic()).isEqualTo("{token}/dev-1/subscribe");
        assertThat(record.tokenHash()).contains(TOKEN);
        assertThat(record.qos()).isZero();
        assertThat(record.time()).isEqualTo(NOW);
        assertThat(record.expiry()).contains(NOW.plusSeconds(60));
        assertThat(record.contentType()).isEqualTo("application/json");
        assertThat(record.payload()).isEqualTo(BODY);
        assertThat(receipt.device()).isEqualTo(KEY.device());
        assertThat(receipt.qos()).isZero();
    }

    @Test
    void publish_reportsTheSessionsThatReceiveTheDevicesDownlink() {
        devices.put(KEY, new KnownDevice(KEY, Optional.of(TOKEN)));
        subscriptions.add(new DownlinkSubscription("gw", Optional.of(TOKEN), "*"));
        subscriptions.add(new DownlinkSubscription("x", Optional.of(SecretHash.of("other")), "dev-1"));

        PublishReceipt receipt = publisher.publish(new PublishRequest(KEY, PublishOptions.parse(null, null), BODY));

        assertThat(receipt.subscribers()).isEqualTo(1);
        assertThat(receipt.subscribed()).isTrue();
    }

    @Test
    void unknownDevice_isNotFound_andNothingIsSent() {
        assertThatThrownBy(() -> publisher.publish(new PublishRequest(KEY, PublishOptions.parse(null, null), BODY)))
                .isInstanceOf(DeviceNotFoundException.class);
        assertThat(sent).isEmpty();
    }

    @Test
    void deviceWithoutToken_isRefused_andNothingIsSent() {
        devices.put(KEY, new KnownDevice(KEY, Optional.empty()));

        assertThatThrownBy(() -> publisher.publish(new PublishRequest(KEY, PublishOptions.parse(null, null), BODY)))
                .isInstanceOf(DeviceWithoutTokenException.class);
        assertThat(sent).isEmpty();
    }

    @Test
    void tooLargeBody_isRefused_beforeAnythingIsLookedUp() {
        byte[] large = new byte[17];

        assertThatThrownBy(() -> publisher.publish(new PublishRequest(KEY, PublishOptions.parse(null, null), large)))
                .isInstanceOfSatisfying(PayloadTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(16));
        assertThat(sent).isEmpty();
    }

    @Test
    void sessionsThatCannotBeRead_sendNothing() {
        devices.put(KEY, new KnownDevice(KEY, Optional.of(TOKEN)));
        sessionFailure = new StoreUnavailableException("down", null);

        assertThatThrownBy(() -> publisher.publish(new PublishRequest(KEY, PublishOptions.parse(null, null), BODY)))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(sent).isEmpty();
    }

    @Test
    void kafkaNotAcknowledging_isReportedToTheCaller() {
        devices.put(KEY, new KnownDevice(KEY, Optional.of(TOKEN)));
        sendFailure = new DownlinkUnavailableException("timeout", null);

        assertThatThrownBy(() -> publisher.publish(new PublishRequest(KEY, PublishOptions.parse(null, null), BODY)))
                .isInstanceOf(DownlinkUnavailableException.class);
    }
}
