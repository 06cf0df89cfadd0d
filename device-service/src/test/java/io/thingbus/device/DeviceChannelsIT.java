package io.thingbus.device;

import static io.thingbus.device.Registry.asTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.ChannelRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.InfrastructureResource;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A device's channels and the channel its telemetry goes to, with channels announced on {@code thingbus.channels.v1}
 * exactly as stream-service announces them.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class DeviceChannelsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ChannelAnnouncer streamService = new ChannelAnnouncer();
    private final String deviceId = "dev-" + UUID.randomUUID();
    private Registry.CreatedUser user;
    private String defaultChannel;

    @BeforeEach
    void createUserAndDevice() {
        user = Registry.createUser();
        defaultChannel = ChannelId.defaultFor(TenantId.of(user.userId()), DeviceId.of(deviceId)).value();
        asTenant(user.userId()).post("/device/{id}", deviceId).then().statusCode(201);
    }

    @AfterEach
    void closeProducer() {
        streamService.close();
    }

    @Test
    void channelsAnnouncedForTheDevice_areShownAfterItsDefaultChannel_inTheDeviceAndInTheList() {
        Registry.CreatedUser other = Registry.createUser();
        streamService.announce(user.userId(), "kitchen", deviceId);
        streamService.announce(user.userId(), "garage", deviceId);
        streamService.announce(user.userId(), "attic", "another-" + deviceId);
        streamService.announce(other.userId(), "cellar", deviceId);

        awaitChannels(user.userId(), deviceId, List.of(defaultChannel, "garage", "kitchen"));
        asTenant(user.userId()).get("/device/{id}", deviceId).then().statusCode(200)
                .body("channel_id", equalTo(defaultChannel));
        asTenant(user.userId()).get("/device").then().statusCode(200)
                .body("find { it.device_id == '" + deviceId + "' }.channels",
                        contains(defaultChannel, "garage", "kitchen"));
    }

    @Test
    void aChannelMovedToAnotherDevice_isNoLongerShownOnTheFirst() {
        streamService.announce(user.userId(), "kitchen", deviceId);
        awaitChannels(user.userId(), deviceId, List.of(defaultChannel, "kitchen"));

        streamService.announce(user.userId(), "kitchen", "another-" + deviceId);

        awaitChannels(user.userId(), deviceId, List.of(defaultChannel));
    }

    @Test
    void putChannelId_ofOneOfTheCallersChannels_sendsTheTelemetryThereAndPublishesADeviceRecord() {
        announceAndAwait("kitchen");

        asTenant(user.userId()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("channel_id", "kitchen"))
                .put("/device/{id}", deviceId)
                .then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("channel_id", equalTo("kitchen"))
                .body("channels", contains(defaultChannel, "kitchen"));

        assertThat(publishedChannel(2)).isEqualTo("kitchen");
        asTenant(user.userId()).get("/device/{id}", deviceId).then().statusCode(200)
                .body("channel_id", equalTo("kitchen"));
    }

    @Test
    void postDevice_withChannelId_createsTheDeviceSendingItsTelemetryThere() {
        announceAndAwait("kitchen");
        String second = "second-" + deviceId;

        asTenant(user.userId()).contentType(ContentType.JSON).body(Map.of("channel_id", "kitchen"))
                .post("/device/{id}", second)
                .then().statusCode(201)
                .body("channel_id", equalTo("kitchen"))
                .body("channels", contains(defaultChannelOf(second)));

        try (TopicReader devices = new TopicReader(Topics.DEVICES)) {
            ConsumerRecord<String, byte[]> record = devices.awaitRecords(user.userId() + "/" + second, 1).get(0);
            assertThat(DeviceRecord.CODEC.decode(record.value()).channelId()).isEqualTo(ChannelId.of("kitchen"));
        }
    }

    @Test
    void channelId_ofAnotherTenantsChannel_isA400NamingTheFieldAndChangesNothing() {
        Registry.CreatedUser other = Registry.createUser();
        String othersDevice = "dev-" + UUID.randomUUID();
        asTenant(other.userId()).post("/device/{id}", othersDevice).then().statusCode(201);
        streamService.announce(other.userId(), "kitchen", othersDevice);
        awaitChannels(other.userId(), othersDevice, List.of(defaultChannelOf(other.userId(), othersDevice), "kitchen"));

        asTenant(user.userId()).contentType(ContentType.JSON).body(Map.of("channel_id", "kitchen"))
                .put("/device/{id}", deviceId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body.channel_id"));
        asTenant(user.userId()).contentType(ContentType.JSON).body(Map.of("channel_id", "kitchen"))
                .post("/device/{id}", "second-" + deviceId)
                .then().statusCode(400).body("errors[0].field", equalTo("body.channel_id"));

        asTenant(user.userId()).get("/device/{id}", deviceId).then().statusCode(200)
                .header("ETag", "\"1\"").body("channel_id", equalTo(defaultChannel));
        asTenant(user.userId()).get("/device/{id}", "second-" + deviceId).then().statusCode(404);
    }

    @Test
    void channelId_thatIsUnknownOrInvalid_isA400NamingTheFieldAndChangesNothing() {
        for (String channel : List.of("nowhere", "not a channel!")) {
            asTenant(user.userId()).contentType(ContentType.JSON).body(Map.of("channel_id", channel))
                    .put("/device/{id}", deviceId)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("body.channel_id"));
        }
        asTenant(user.userId()).get("/device/{id}", deviceId).then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void channelId_namingTheDevicesOwnDefaultChannel_isAcceptedWithoutAnnouncement() {
        asTenant(user.userId()).contentType(ContentType.JSON).body(Map.of("channel_id", defaultChannel))
                .put("/device/{id}", deviceId)
                .then().statusCode(200).body("channel_id", equalTo(defaultChannel));
    }

    @Test
    void absentChannelId_keepsTheChannel_andNullSendsTheTelemetryBackToTheDefaultChannel() {
        announceAndAwait("kitchen");
        asTenant(user.userId()).contentType(ContentType.JSON).body(Map.of("channel_id", "kitchen"))
                .put("/device/{id}", deviceId).then().statusCode(200);

        asTenant(user.userId()).contentType(ContentType.JSON).body(Map.of("name", "Renamed"))
                .put("/device/{id}", deviceId)
                .then().statusCode(200).body("channel_id", equalTo("kitchen"));
        Map<String, Object> backToDefault = new HashMap<>();
        backToDefault.put("channel_id", null);
        asTenant(user.userId()).contentType(ContentType.JSON).body(backToDefault)
                .put("/device/{id}", deviceId)
                .then().statusCode(200)
                .header("ETag", "\"4\"")
                .body("channel_id", equalTo(defaultChannel))
                .body("name", equalTo("Renamed"));

        assertThat(publishedChannel(4)).isEqualTo(defaultChannel);

        asTenant(user.userId()).contentType(ContentType.JSON).body(Map.of("channel_id", "kitchen"))
                .put("/device/{id}", deviceId).then().statusCode(200).body("channel_id", equalTo("kitchen"));
        asTenant(user.userId()).contentType(ContentType.JSON).body(Map.of("channel_id", ""))
                .put("/device/{id}", deviceId).then().statusCode(200).body("channel_id", equalTo(defaultChannel));
    }

    @Test
    void deletingTheChosenChannel_sendsTheDeviceBackToItsDefaultChannelAndPublishesIt() {
        Registry.CreatedUser other = Registry.createUser();
        asTenant(other.userId()).post("/device/{id}", deviceId).then().statusCode(201);
        streamService.announce(other.userId(), "kitchen", deviceId);
        awaitChannels(other.userId(), deviceId, List.of(defaultChannelOf(other.userId(), deviceId), "kitchen"));
        asTenant(other.userId()).contentType(ContentType.JSON).body(Map.of("channel_id", "kitchen"))
                .put("/device/{id}", deviceId).then().statusCode(200);
        announceAndAwait("kitchen");
        asTenant(user.userId()).contentType(ContentType.JSON).body(Map.of("channel_id", "kitchen"))
                .put("/device/{id}", deviceId).then().statusCode(200).header("ETag", "\"2\"");

        streamService.delete(user.userId(), "kitchen");

        awaitChannels(user.userId(), deviceId, List.of(defaultChannel));
        asTenant(user.userId()).get("/device/{id}", deviceId).then().statusCode(200)
                .header("ETag", "\"3\"")
                .body("channel_id", equalTo(defaultChannel));
        assertThat(publishedChannel(3)).isEqualTo(defaultChannel);
        asTenant(other.userId()).get("/device/{id}", deviceId).then().statusCode(200)
                .body("channel_id", equalTo("kitchen"));
        asTenant(user.userId()).contentType(ContentType.JSON).body(Map.of("channel_id", "kitchen"))
                .put("/device/{id}", deviceId)
                .then().statusCode(400).body("errors[0].field", equalTo("body.channel_id"));
    }

    @Test
    void malformedChannelRecords_areCountedAndSkipped_andLaterRecordsStillApply() {
        double before = Metrics.counter("thingbus_device_channels_malformed_total");
        String key = ChannelRecord.key(TenantId.of(user.userId()), ChannelId.of("broken"));
        Map<String, String> noType = new LinkedHashMap<>();
        noType.put(RecordHeaders.TENANT, user.userId());
        streamService.sendRaw(0, key, noType, "{}");
        Map<String, String> typed = new LinkedHashMap<>(noType);
        typed.put(RecordHeaders.CE_TYPE, ChannelRecord.TYPE);
        streamService.sendRaw(0, key, typed, "garbage");

        streamService.announceOn(0, user.userId(), "kitchen", deviceId);

        awaitChannels(user.userId(), deviceId, List.of(defaultChannel, "kitchen"));
        assertThat(Metrics.counter("thingbus_device_channels_malformed_total")).isGreaterThanOrEqualTo(before + 2);
    }

    private void announceAndAwait(String channel) {
        streamService.announce(user.userId(), channel, deviceId);
        await().atMost(TIMEOUT).untilAsserted(() -> asTenant(user.userId()).get("/device/{id}", deviceId)
                .then().statusCode(200).body("channels", hasItem(channel)));
    }

    private static void awaitChannels(String tenant, String device, List<String> channels) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonPath shown = asTenant(tenant).get("/device/{id}", device).then().statusCode(200).extract().jsonPath();
            assertThat(shown.getList("channels", String.class)).containsExactlyElementsOf(channels);
        });
    }

    /** The channel named by the {@code count}-th device record of the device (waiting for it). */
    private String publishedChannel(int count) {
        try (TopicReader devices = new TopicReader(Topics.DEVICES)) {
            List<ConsumerRecord<String, byte[]>> records = devices.awaitRecords(user.userId() + "/" + deviceId, count);
            return DeviceRecord.CODEC.decode(records.get(count - 1).value()).channelId().value();
        }
    }

    private String defaultChannelOf(String device) {
        return defaultChannelOf(user.userId(), device);
    }

    private static String defaultChannelOf(String tenant, String device) {
        return ChannelId.defaultFor(TenantId.of(tenant), DeviceId.of(device)).value();
    }
}
