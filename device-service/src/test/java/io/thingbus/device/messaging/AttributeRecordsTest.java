package io.thingbus.device.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.contracts.AttributeUpdateRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.device.domain.AttributeKey;
import io.thingbus.device.domain.DeviceAttributes;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttributeRecordsTest {

    private static final TenantId TENANT = TenantId.of("U1a2b3c4d");
    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void clientUpdate_becomesAReportOfItsDevice() throws Exception {
        byte[] value = update("client", "{\"fw\":\"1.2\",\"old\":null}");

        DeviceAttributes.Report report = AttributeRecords.read(AttributeUpdateRecord.TYPE, value).orElseThrow();

        assertThat(report.device()).isEqualTo(DeviceKey.of(TENANT, DeviceId.of("Device A")));
        assertThat(report.patch().changes()).containsOnlyKeys(AttributeKey.of("fw"), AttributeKey.of("old"));
    }

    @Test
    void sharedUpdates_areThisServicesOwnAndMeanNothingHere() throws Exception {
        assertThat(AttributeRecords.read(AttributeUpdateRecord.TYPE, update("shared", "{\"a\":1}"))).isEmpty();
    }

    @Test
    void otherRecordTypes_meanNothing() throws Exception {
        assertThat(AttributeRecords.read(RpcResponseRecord.TYPE, update("client", "{\"a\":1}"))).isEmpty();
    }

    @Test
    void anInvalidAttributeKey_isMalformed() throws Exception {
        assertThatThrownBy(() -> AttributeRecords.read(AttributeUpdateRecord.TYPE, update("client", "{\"\":1}")))
                .isInstanceOf(MalformedRecordException.class);
    }

    private static byte[] update(String scope, String values) throws Exception {
        return AttributeUpdateRecord.CODEC.encode(new AttributeUpdateRecord(TENANT, DeviceId.of("Device A"), scope,
                (ObjectNode) new ObjectMapper().readTree(values), DeviceId.of("gw-1"), AT));
    }
}
