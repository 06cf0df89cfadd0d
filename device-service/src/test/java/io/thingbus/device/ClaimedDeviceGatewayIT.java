package io.thingbus.device;

import static io.thingbus.device.Registry.asTenant;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.testing.InfrastructureResource;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A device user B claimed from user A keeps talking through A's gateway: the broker writes the gateway's sub-device
 * events in A's gateway session with {@code device_tenant} B, and they drive B's device — A never gets it back, and
 * the end of A's gateway session disconnects it; a connect that reaches the registry after the end of the connection
 * it came over connects nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class ClaimedDeviceGatewayIT {

    private final BrokerRecords broker = new BrokerRecords();
    private final String gateway = "gw-" + UUID.randomUUID().toString().substring(0, 8);
    private final String deviceId = "Device " + UUID.randomUUID().toString().substring(0, 8);
    private Registry.CreatedUser owner;
    private Registry.CreatedUser claimer;

    @BeforeEach
    void createUsers() {
        owner = Registry.createUser();
        claimer = Registry.createUser();
    }

    @AfterEach
    void closeProducer() {
        broker.close();
    }

    @Test
    void connectFromTheFormerOwnersGateway_connectsTheClaimersDeviceUntilThatGatewaysSessionEnds() {
        claimThroughTheOwnersGateway();
        asTenant(claimer.userId()).get("/device/{id}", deviceId).then().body("gateway_id", nullValue());
        broker.send(BrokerRecords.session(SessionEventRecord.CONNECTED, owner.userId(), gateway, "c-1"));
        broker.send(BrokerRecords.connect(owner.userId(), "own-device", gateway, "c-1", owner.deviceToken()));

        broker.send(BrokerRecords.carriedConnect(owner.userId(), claimer.userId(), deviceId, gateway, "c-1",
                owner.deviceToken()));

        await().atMost(TopicReader.TIMEOUT).untilAsserted(() -> asTenant(claimer.userId())
                .get("/device/{id}", deviceId).then().statusCode(200)
                .body("gateway_id", equalTo(gateway))
                .body("connected", equalTo(true))
                .body("device_token", equalTo(claimer.deviceToken())));
        assertTheOwnerGainedNothing();

        broker.send(BrokerRecords.session(SessionEventRecord.DISCONNECTED, owner.userId(), gateway, "c-1"));

        await().atMost(TopicReader.TIMEOUT).untilAsserted(() -> asTenant(claimer.userId())
                .get("/device/{id}", deviceId).then().statusCode(200)
                .body("gateway_id", equalTo(gateway))
                .body("connected", equalTo(false)));
        asTenant(owner.userId()).get("/device/{id}", "own-device").then().body("connected", equalTo(false));
        assertTheOwnerGainedNothing();
    }

    @Test
    void disconnectFromTheFormerOwnersGateway_disconnectsTheClaimersDevice() {
        claimThroughTheOwnersGateway();
        broker.send(BrokerRecords.carriedConnect(owner.userId(), claimer.userId(), deviceId, gateway, "c-1",
                owner.deviceToken()));
        await().atMost(TopicReader.TIMEOUT).untilAsserted(() -> asTenant(claimer.userId())
                .get("/device/{id}", deviceId).then().body("connected", equalTo(true)));

        broker.send(BrokerRecords.carriedDisconnect(owner.userId(), claimer.userId(), deviceId, gateway, "c-1"));

        await().atMost(TopicReader.TIMEOUT).untilAsserted(() -> asTenant(claimer.userId())
                .get("/device/{id}", deviceId).then().statusCode(200)
                .body("gateway_id", equalTo(gateway))
                .body("connected", equalTo(false)));
    }

    @Test
    void claimOfADeviceConnectedThroughTheOwnersGateway_showsItConnectedForTheClaimerUntilTheSessionEnds() {
        broker.send(BrokerRecords.connect(owner.userId(), deviceId, gateway, "c-1", owner.deviceToken()));
        SubdeviceIT.awaitDevice(owner.userId(), deviceId);

        claimThroughTheOwnersGateway();

        asTenant(claimer.userId()).get("/device/{id}", deviceId).then().statusCode(200)
                .body("gateway_id", equalTo(gateway))
                .body("connected", equalTo(true));
        broker.send(BrokerRecords.session(SessionEventRecord.DISCONNECTED, owner.userId(), gateway, "c-1"));
        await().atMost(TopicReader.TIMEOUT).untilAsserted(() -> asTenant(claimer.userId())
                .get("/device/{id}", deviceId).then().body("connected", equalTo(false)));
    }

    @Test
    void connectReannouncedAfterTheOwnersGatewaySessionEnded_leavesTheClaimersDeviceDisconnectedUntilANewConnection() {
        broker.send(BrokerRecords.connect(owner.userId(), deviceId, gateway, "c-1", owner.deviceToken()));
        SubdeviceIT.awaitDevice(owner.userId(), deviceId);
        claimThroughTheOwnersGateway();

        // the broker re-announces the claimed device, but its session end over another producer got there first
        broker.send(BrokerRecords.session(SessionEventRecord.DISCONNECTED, owner.userId(), gateway, "c-1"));
        broker.send(BrokerRecords.carriedConnect(owner.userId(), claimer.userId(), deviceId, gateway, "c-1",
                owner.deviceToken()));
        awaitPassed("c-2");

        asTenant(claimer.userId()).get("/device/{id}", deviceId).then().statusCode(200)
                .body("gateway_id", equalTo(gateway))
                .body("connected", equalTo(false));

        broker.send(BrokerRecords.carriedConnect(owner.userId(), claimer.userId(), deviceId, gateway, "c-2",
                owner.deviceToken()));

        await().atMost(TopicReader.TIMEOUT).untilAsserted(() -> asTenant(claimer.userId())
                .get("/device/{id}", deviceId).then().statusCode(200)
                .body("gateway_id", equalTo(gateway))
                .body("connected", equalTo(true)));
        asTenant(owner.userId()).get("/device/{id}", deviceId).then().statusCode(404);
    }

    @Test
    void connectBeforeAnySessionEventOfItsConnection_connectsTheClaimersDeviceUntilThatSessionEnds() {
        claimThroughTheOwnersGateway();

        broker.send(BrokerRecords.carriedConnect(owner.userId(), claimer.userId(), deviceId, gateway, "c-1",
                owner.deviceToken()));

        await().atMost(TopicReader.TIMEOUT).untilAsserted(() -> asTenant(claimer.userId())
                .get("/device/{id}", deviceId).then().body("connected", equalTo(true)));
        broker.send(BrokerRecords.session(SessionEventRecord.CONNECTED, owner.userId(), gateway, "c-1"));
        broker.send(BrokerRecords.session(SessionEventRecord.DISCONNECTED, owner.userId(), gateway, "c-1"));
        await().atMost(TopicReader.TIMEOUT).untilAsserted(() -> asTenant(claimer.userId())
                .get("/device/{id}", deviceId).then().body("connected", equalTo(false)));
    }

    /**
     * Has the owner's gateway announce a device of its own over {@code connection} and waits until it shows: the
     * lifecycle records sent before it (same partition) have been applied.
     */
    private void awaitPassed(String connection) {
        String marker = "marker-" + UUID.randomUUID().toString().substring(0, 8);
        broker.send(BrokerRecords.connect(owner.userId(), marker, gateway, connection, owner.deviceToken()));
        await().atMost(TopicReader.TIMEOUT).untilAsserted(() -> asTenant(owner.userId()).get("/device/{id}", marker)
                .then().statusCode(200).body("connected", equalTo(true)));
    }

    /** The owner's gateway opens a claiming window for the device; the claimer claims it. */
    private void claimThroughTheOwnersGateway() {
        broker.send(BrokerRecords.claimRequest(owner.userId(), deviceId, "s3cret", null, gateway,
                BrokerRecords.now()));
        ClaimingIT.awaitClaim(claimer.userId(), deviceId, "s3cret").then().statusCode(201);
    }

    /** The former owner neither has the device again nor sees it among its gateway's sub-devices. */
    private void assertTheOwnerGainedNothing() {
        asTenant(owner.userId()).get("/device/{id}", deviceId).then().statusCode(404);
        asTenant(owner.userId()).get("/device").then().statusCode(200)
                .body("device_id", not(hasItem(deviceId)));
        asTenant(owner.userId()).get("/device/{id}/devices", gateway).then().statusCode(200)
                .body("device_id", contains("own-device"));
    }
}
