package io.thingbus.broker.domain;

import static io.thingbus.broker.domain.GatewayPublishes.GATEWAY;
import static io.thingbus.broker.domain.GatewayPublishes.TENANT;
import static io.thingbus.broker.domain.GatewayPublishes.TOKEN;
import static io.thingbus.broker.domain.GatewayPublishes.forwarded;
import static io.thingbus.broker.domain.GatewayPublishes.publish;
import static io.thingbus.broker.domain.GatewayPublishes.single;
import static io.thingbus.broker.domain.GatewayPublishes.telemetry;
import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.AttributeRequestRecord;
import io.thingbus.contracts.ClaimRequestRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.Header;
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.TenantId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sub-device another user claimed away from the gateway's user: what the gateway sends for it belongs to the
 * claimer, while the gateway's session (sub-device events' tenant, key and token hash) stays its user's.
 */
class ClaimedSubdevicePublishTest {

    private static final TenantId CLAIMER = TenantId.of("Uclaimer01");
    private static final DeviceId CLAIMED = DeviceId.of("Device A");
    private static final DeviceId OWN = DeviceId.of("Device B");

    private final ClaimedDevices claims = new ClaimedDevices();
    private final GatewayPublishMapper mapper = GatewayPublishes.mapper(claims);

    @Test
    void telemetryOfAClaimedDevice_belongsToTheClaimer_whileTheGatewaysOwnDevices_stayItsUsers() {
        claims.claimed(DeviceKey.of(TENANT, CLAIMED), CLAIMER);

        List<Uplink> records = forwarded(decide("v1/gateway/telemetry",
                "{\"Device A\":{\"t\":1},\"Device B\":{\"t\":2}}"));

        assertThat(telemetry(records, 0).key()).isEqualTo(DeviceKey.of(CLAIMER, CLAIMED));
        assertThat(telemetry(records, 1).key()).isEqualTo(DeviceKey.of(TENANT, OWN));
    }

    @Test
    void telemetryOfAClaimedDevice_carriesNoTokenHash_whileTheGatewaysOwnDevices_carryTheGatewaysToken() {
        claims.claimed(DeviceKey.of(TENANT, CLAIMED), CLAIMER);

        List<Uplink> records = forwarded(decide("v1/gateway/telemetry",
                "{\"Device A\":{\"t\":1},\"Device B\":{\"t\":2}}"));

        assertThat(telemetry(records, 0).tokenHash()).as("the claimer's device").isEmpty();
        assertThat(telemetry(records, 0).headers()).extracting(Header::name).doesNotContain("tb_token_hash");
        assertThat(telemetry(records, 1).tokenHash()).as("the gateway user's device").contains(TOKEN.hash());
    }

    @Test
    void subdeviceEventsOfAClaimedDevice_keepTheGatewaysTokenHash() {
        claims.claimed(DeviceKey.of(TENANT, CLAIMED), CLAIMER);

        SubdeviceEventRecord connected = single(decide("v1/gateway/connect", "{\"device\":\"Device A\"}"),
                Uplink.SubdeviceEvent.class).record();

        assertThat(connected.tokenHash()).isEqualTo(TOKEN.hash());
    }

    @Test
    void attributesRequestsRpcAnswersAndClaimsOfAClaimedDevice_belongToTheClaimer() {
        claims.claimed(DeviceKey.of(TENANT, CLAIMED), CLAIMER);

        List<Uplink> attributes = forwarded(decide("v1/gateway/attributes",
                "{\"Device A\":{\"k\":1},\"Device B\":{\"k\":2}}"));
        AttributeRequestRecord request = single(decide("v1/gateway/attributes/request",
                "{\"id\":1,\"device\":\"Device A\",\"client\":false}"), Uplink.AttributeRequest.class).record();
        RpcResponseRecord answer = single(decide("v1/gateway/rpc", "{\"device\":\"Device A\",\"id\":5}"),
                Uplink.RpcResponse.class).record();
        ClaimRequestRecord claim = single(decide("v1/gateway/claim", "{\"Device A\":{\"secretKey\":\"s\"}}"),
                Uplink.ClaimRequest.class).record();

        assertThat(attributes).extracting(r -> ((Uplink.AttributeUpdate) r).record().key())
                .containsExactly(DeviceKey.of(CLAIMER, CLAIMED), DeviceKey.of(TENANT, OWN));
        assertThat(request.key()).isEqualTo(DeviceKey.of(CLAIMER, CLAIMED));
        assertThat(request.clientId()).isEqualTo("Gateway 1");
        assertThat(answer.key()).isEqualTo(DeviceKey.of(CLAIMER, CLAIMED));
        assertThat(claim.key()).isEqualTo(DeviceKey.of(CLAIMER, CLAIMED));
    }

    @Test
    void subdeviceEventOfAClaimedDevice_keepsTheGatewaysSession_andNamesTheOwner() {
        claims.claimed(DeviceKey.of(TENANT, CLAIMED), CLAIMER);

        SubdeviceEventRecord claimed = single(decide("v1/gateway/connect", "{\"device\":\"Device A\"}"),
                Uplink.SubdeviceEvent.class).record();
        SubdeviceEventRecord own = single(decide("v1/gateway/disconnect", "{\"device\":\"Device B\"}"),
                Uplink.SubdeviceEvent.class).record();

        assertThat(claimed.tenant()).isEqualTo(TENANT);
        assertThat(claimed.key()).isEqualTo(TENANT.value() + "/Gateway 1");
        assertThat(claimed.deviceTenant()).isEqualTo(CLAIMER);
        assertThat(claimed.deviceKey()).isEqualTo(DeviceKey.of(CLAIMER, CLAIMED));
        assertThat(own.deviceTenant()).isNull();
        assertThat(own.deviceKey()).isEqualTo(DeviceKey.of(TENANT, OWN));
    }

    @Test
    void aClaimUndone_givesTheGatewaysDataBackToItsUser() {
        claims.claimed(DeviceKey.of(TENANT, CLAIMED), CLAIMER);
        claims.reclaimed(DeviceKey.of(TENANT, CLAIMED));

        TelemetryRecord record = single(decide("v1/gateway/telemetry", "{\"Device A\":{\"t\":1}}"),
                Uplink.Telemetry.class).record();

        assertThat(record.key()).isEqualTo(DeviceKey.of(TENANT, CLAIMED));
    }

    private GatewayDecision decide(String topic, String payload) {
        return mapper.decide(publish(topic, payload), GATEWAY);
    }
}
