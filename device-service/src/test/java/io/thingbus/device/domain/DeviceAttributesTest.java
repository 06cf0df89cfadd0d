package io.thingbus.device.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.contracts.AttributeUpdateRecord;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceAttributesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayFixture fixture = new GatewayFixture();
    private final DeviceAttributes attributes = new DeviceAttributes(fixture.registry, fixture.known, fixture.clock);
    private final IssuedUser user = fixture.newUser();
    private final DeviceKey deviceA = GatewayFixture.key(user, "Device A");

    @Test
    void reportedClientAttributes_registerAnUnknownDeviceAndAreStored() {
        DeviceAttributes.Outcome outcome = attributes.report(List.of(report(deviceA, "{\"fw\":\"1.2\",\"on\":true}")));

        assertThat(outcome).isEqualTo(new DeviceAttributes.Outcome(new RegistrationCounts(1, 0, 0), 1));
        assertThat(fixture.registry.devices().get(deviceA).provisioning()).isEqualTo(Provisioning.AUTO);
        assertThat(fixture.registry.attributes(deviceA, AttributeScope.CLIENT))
                .containsExactly(Map.entry(AttributeKey.of("fw"), json("\"1.2\"")),
                        Map.entry(AttributeKey.of("on"), json("true")));
    }

    @Test
    void aNullValue_deletesTheKeyAndOtherKeysStay() {
        attributes.report(List.of(report(deviceA, "{\"a\":1,\"b\":2}")));

        attributes.report(List.of(report(deviceA, "{\"a\":null,\"c\":{\"x\":[1,2]}}")));

        assertThat(fixture.registry.attributes(deviceA, AttributeScope.CLIENT))
                .containsExactly(Map.entry(AttributeKey.of("b"), json("2")),
                        Map.entry(AttributeKey.of("c"), json("{\"x\":[1,2]}")));
    }

    @Test
    void clientReports_publishNothing() {
        attributes.report(List.of(report(deviceA, "{\"a\":1}")));

        assertThat(fixture.registry.outbox()).noneMatch(m -> m.topic().equals(Topics.ATTRIBUTES));
    }

    @Test
    void reportsOfATenantThatIsNoUser_areDropped() {
        DeviceKey stranger = GatewayFixture.key(TenantId.of("Unobody00000"), "Device A");

        DeviceAttributes.Outcome outcome = attributes.report(List.of(report(stranger, "{\"a\":1}")));

        assertThat(outcome).isEqualTo(new DeviceAttributes.Outcome(new RegistrationCounts(0, 1, 0), 0));
    }

    @Test
    void changeShared_mergesAndPublishesOnlyWhatChanged() {
        fixture.devices.register(deviceA, DeviceInput.defaults());
        attributes.changeShared(deviceA, patch("{\"mode\":\"eco\",\"interval\":60}"));

        Map<AttributeKey, JsonNode> shared = attributes.changeShared(deviceA,
                patch("{\"mode\":\"eco\",\"interval\":30,\"gone\":null}"));

        assertThat(shared).containsExactly(Map.entry(AttributeKey.of("interval"), json("30")),
                Map.entry(AttributeKey.of("mode"), json("\"eco\"")));
        List<AttributeUpdateRecord> published = publishedAttributeUpdates();
        assertThat(published).hasSize(2);
        assertThat(published.get(1).scope()).isEqualTo("shared");
        assertThat(published.get(1).values()).isEqualTo(json("{\"interval\":30}"));
        assertThat(published.get(1).gatewayId()).isNull();
    }

    @Test
    void changeShared_withoutEffect_publishesNothing() {
        fixture.devices.register(deviceA, DeviceInput.defaults());
        attributes.changeShared(deviceA, patch("{\"mode\":\"eco\"}"));

        attributes.changeShared(deviceA, patch("{\"mode\":\"eco\",\"never\":null}"));

        assertThat(publishedAttributeUpdates()).hasSize(1);
    }

    @Test
    void deleteShared_publishesTheDeletionsAsNulls() {
        fixture.devices.register(deviceA, DeviceInput.defaults());
        attributes.changeShared(deviceA, patch("{\"a\":1,\"b\":2}"));

        attributes.deleteShared(deviceA, List.of(AttributeKey.of("a"), AttributeKey.of("zz")));

        assertThat(publishedAttributeUpdates().get(1).values()).isEqualTo(json("{\"a\":null}"));
        assertThat(fixture.registry.attributes(deviceA, AttributeScope.SHARED)).containsOnlyKeys(AttributeKey.of("b"));
    }

    @Test
    void sharedAttributesOfAnotherTenantsDevice_areUnknown() {
        fixture.devices.register(deviceA, DeviceInput.defaults());
        DeviceKey foreign = GatewayFixture.key(fixture.newUser(), "Device A");

        assertThatThrownBy(() -> attributes.changeShared(foreign, patch("{\"a\":1}")))
                .isInstanceOf(UnknownDeviceException.class);
        assertThatThrownBy(() -> attributes.read(foreign, EnumSet.allOf(AttributeScope.class), Set.of()))
                .isInstanceOf(UnknownDeviceException.class);
    }

    @Test
    void read_givesTheScopesAndKeysAskedFor() {
        attributes.report(List.of(report(deviceA, "{\"a\":1,\"b\":2}")));
        attributes.changeShared(deviceA, patch("{\"s\":true}"));

        Map<AttributeScope, ? extends Map<AttributeKey, JsonNode>> all =
                attributes.read(deviceA, EnumSet.allOf(AttributeScope.class), Set.of());
        Map<AttributeScope, ? extends Map<AttributeKey, JsonNode>> some =
                attributes.read(deviceA, EnumSet.of(AttributeScope.CLIENT), Set.of(AttributeKey.of("b")));

        assertThat(all.get(AttributeScope.CLIENT)).containsOnlyKeys(AttributeKey.of("a"), AttributeKey.of("b"));
        assertThat(all.get(AttributeScope.SHARED)).containsOnlyKeys(AttributeKey.of("s"));
        assertThat(some).containsOnlyKeys(AttributeScope.CLIENT);
        assertThat(some.get(AttributeScope.CLIENT)).containsOnlyKeys(AttributeKey.of("b"));
    }

    @Test
    void valuesForARequest_comeFromTheRequestsTenantOnly() {
        attributes.report(List.of(report(deviceA, "{\"a\":1}")));
        DeviceKey sameIdElsewhere = GatewayFixture.key(fixture.newUser(), "Device A");

        assertThat(attributes.valuesFor(new AttributeRequest(deviceA, AttributeScope.CLIENT, List.of("a"), "1")))
                .containsOnlyKeys(AttributeKey.of("a"));
        assertThat(attributes.valuesFor(new AttributeRequest(sameIdElsewhere, AttributeScope.CLIENT, List.of("a"),
                "1"))).isEmpty();
    }

    @Test
    void valuesForARequestOfOnlyInvalidKeys_areEmpty() {
        attributes.report(List.of(report(deviceA, "{\"a\":1}")));

        assertThat(attributes.valuesFor(new AttributeRequest(deviceA, AttributeScope.CLIENT, List.of(""), "1")))
                .isEmpty();
    }

    private List<AttributeUpdateRecord> publishedAttributeUpdates() {
        return fixture.registry.outbox().stream()
                .filter(m -> m.topic().equals(Topics.ATTRIBUTES))
                .map(m -> AttributeUpdateRecord.CODEC.decode(m.value()))
                .toList();
    }

    private static DeviceAttributes.Report report(DeviceKey device, String values) {
        return new DeviceAttributes.Report(device, patch(values));
    }

    static AttributePatch patch(String json) {
        return AttributePatch.of((ObjectNode) json(json));
    }

    static JsonNode json(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
