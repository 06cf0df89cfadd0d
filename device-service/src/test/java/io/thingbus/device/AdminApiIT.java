package io.thingbus.device;

import static io.restassured.RestAssured.given;
import static io.thingbus.device.Registry.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.thingbus.contracts.ApiKeyRecord;
import io.thingbus.contracts.DeviceCredentialRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.InfrastructureResource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class AdminApiIT {

    @Test
    void createUser_answersTheSecretsOnceAndPublishesTheirHashesToKafka() {
        JsonPath user = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Ada", "email", "ada@example.com", "plan", "basic"))
                .post("/admin/users")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/admin/users/U[a-z0-9]{10}"))
                .body("user_id", matchesPattern("U[a-z0-9]{10}"))
                .body("name", equalTo("Ada"))
                .body("email", equalTo("ada@example.com"))
                .body("plan", equalTo("basic"))
                .body("api_key", matchesPattern("[A-Za-z0-9]{40}"))
                .body("device_token", matchesPattern("[A-Za-z0-9]{32}"))
                .body("created_at", not(nullValue()))
                .extract().jsonPath();
        TenantId tenant = TenantId.of(user.getString("user_id"));
        SecretHash tokenHash = SecretHash.of(user.getString("device_token"));
        SecretHash keyHash = SecretHash.of(user.getString("api_key"));

        try (TopicReader credentials = new TopicReader(Topics.DEVICE_CREDENTIALS);
             TopicReader apiKeys = new TopicReader(Topics.API_KEYS)) {
            ConsumerRecord<String, byte[]> credential = credentials.awaitRecords(tokenHash.value(), 1).get(0);
            DeviceCredentialRecord credentialRecord = DeviceCredentialRecord.CODEC.decode(credential.value());
            assertThat(credentialRecord.tokenHash()).isEqualTo(tokenHash);
            assertThat(credentialRecord.tenant()).isEqualTo(tenant);
            assertCloudEventsHeaders(credential, DeviceCredentialRecord.TYPE, tenant);

            ConsumerRecord<String, byte[]> apiKey = apiKeys.awaitRecords(keyHash.value(), 1).get(0);
            ApiKeyRecord apiKeyRecord = ApiKeyRecord.CODEC.decode(apiKey.value());
            assertThat(apiKeyRecord.keyHash()).isEqualTo(keyHash);
            assertThat(apiKeyRecord.tenant()).isEqualTo(tenant);
            assertThat(apiKeyRecord.plan()).isEqualTo("basic");
            assertCloudEventsHeaders(apiKey, ApiKeyRecord.TYPE, tenant);
        }
    }

    @Test
    void createUser_withoutBody_getsTheDefaultPlanAndNoNameOrEmail() {
        asAdmin().post("/admin/users")
                .then().statusCode(201)
                .body("plan", equalTo("basic"))
                .body("name", nullValue())
                .body("email", nullValue());
    }

    @Test
    void revokeDeviceToken_publishesATombstoneAfterTheCredential() {
        Registry.CreatedUser user = Registry.createUser();
        String key = SecretHash.of(user.deviceToken()).value();

        asAdmin().delete("/admin/users/{id}/device-tokens/{token}", user.userId(), user.deviceToken())
                .then().statusCode(204);

        try (TopicReader credentials = new TopicReader(Topics.DEVICE_CREDENTIALS)) {
            List<ConsumerRecord<String, byte[]>> records = credentials.awaitRecords(key, 2);
            assertThat(records.get(0).value()).isNotNull();
            assertThat(records.get(1).value()).isNull();
            assertThat(TopicReader.header(records.get(1), RecordHeaders.CE_TYPE))
                    .isEqualTo(DeviceCredentialRecord.TYPE);
            assertThat(TopicReader.header(records.get(1), RecordHeaders.TENANT)).isEqualTo(user.userId());
        }
        asAdmin().delete("/admin/users/{id}/device-tokens/{token}", user.userId(), user.deviceToken())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void revokeDeviceToken_republishesEachDeviceThatUsedItWithoutTokenHash() {
        Registry.CreatedUser user = Registry.createUser();
        String otherToken = Registry.issueDeviceToken(user.userId());
        TenantId tenant = TenantId.of(user.userId());
        String released = DeviceKey.of(tenant, DeviceId.of("uses-revoked")).asString();
        String kept = DeviceKey.of(tenant, DeviceId.of("uses-other")).asString();
        createDevice(user.userId(), "uses-revoked", user.deviceToken());
        createDevice(user.userId(), "uses-other", otherToken);

        asAdmin().delete("/admin/users/{id}/device-tokens/{token}", user.userId(), user.deviceToken())
                .then().statusCode(204);

        try (TopicReader devices = new TopicReader(Topics.DEVICES)) {
            List<ConsumerRecord<String, byte[]>> records = devices.awaitRecords(released, 2);
            assertThat(DeviceRecord.CODEC.decode(records.get(0).value()).tokenHash())
                    .isEqualTo(SecretHash.of(user.deviceToken()));
            DeviceRecord revoked = DeviceRecord.CODEC.decode(records.get(1).value());
            assertThat(revoked.key().asString()).isEqualTo(released);
            assertThat(revoked.tokenHash()).isNull();
            assertThat(new String(records.get(1).value(), StandardCharsets.UTF_8)).doesNotContain("token_hash");
            assertCloudEventsHeaders(records.get(1), DeviceRecord.TYPE, tenant);
            assertThat(devices.allRecords(kept)).hasSize(1);
        }
        Registry.asTenant(user.userId()).get("/device/{id}", "uses-revoked")
                .then().statusCode(200).header("ETag", "\"2\"").body("device_token", nullValue());
    }

    @Test
    void revokeDeviceToken_ofAnotherUser_isUnknownAndTheTokenStaysValid() {
        Registry.CreatedUser owner = Registry.createUser();
        Registry.CreatedUser other = Registry.createUser();

        asAdmin().delete("/admin/users/{id}/device-tokens/{token}", other.userId(), owner.deviceToken())
                .then().statusCode(404).contentType("application/problem+json");

        Registry.asTenant(owner.userId()).post("/device/still-works")
                .then().statusCode(201).body("device_token", equalTo(owner.deviceToken()));
    }

    @Test
    void issuedApiKey_isPublishedAndCanBeRevokedByItsHash() {
        Registry.CreatedUser user = Registry.createUser();
        String apiKey = asAdmin().post("/admin/users/{id}/api-keys", user.userId())
                .then().statusCode(201).body("api_key", matchesPattern("[A-Za-z0-9]{40}"))
                .extract().jsonPath().getString("api_key");
        String hash = SecretHash.of(apiKey).value();

        asAdmin().delete("/admin/users/{id}/api-keys/{key}", user.userId(), hash).then().statusCode(204);

        try (TopicReader apiKeys = new TopicReader(Topics.API_KEYS)) {
            List<ConsumerRecord<String, byte[]>> records = apiKeys.awaitRecords(hash, 2);
            assertThat(ApiKeyRecord.CODEC.decode(records.get(0).value()).tenant().value()).isEqualTo(user.userId());
            assertThat(records.get(1).value()).isNull();
        }
    }

    @Test
    void issuedDeviceToken_isPublishedForTheUser() {
        Registry.CreatedUser user = Registry.createUser();

        String token = Registry.issueDeviceToken(user.userId());

        assertThat(token).matches("[A-Za-z0-9]{32}").isNotEqualTo(user.deviceToken());
        try (TopicReader credentials = new TopicReader(Topics.DEVICE_CREDENTIALS)) {
            ConsumerRecord<String, byte[]> record = credentials.awaitRecords(SecretHash.of(token).value(), 1).get(0);
            assertThat(DeviceCredentialRecord.CODEC.decode(record.value()).tenant().value()).isEqualTo(user.userId());
        }
    }

    @Test
    void getUser_showsTheProfileWithoutSecrets() {
        Registry.CreatedUser user = Registry.createUser();

        asAdmin().get("/admin/users/{id}", user.userId())
                .then().statusCode(200)
                .body("user_id", equalTo(user.userId()))
                .body("name", equalTo("Test user"))
                .body("plan", equalTo("basic"))
                .body("$", not(hasKey("api_key")))
                .body("$", not(hasKey("device_token")))
                .body(not(containsString(user.apiKey())))
                .body(not(containsString(user.deviceToken())));
    }

    @Test
    void adminRequest_withoutAdminKey_isRefusedAs401Problem() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Mallory"))
                .post("/admin/users")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("type", equalTo("https://thingbus.io/problems/unauthenticated"))
                .body("instance", equalTo("/admin/users"));
    }

    @Test
    void adminRequest_withWrongAdminKey_isRefusedAs401Problem() {
        Registry.CreatedUser user = Registry.createUser();

        given().header(GatewayHeaders.ADMIN_KEY, Registry.adminKey() + "x")
                .post("/admin/users/{id}/api-keys", user.userId())
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString(GatewayHeaders.ADMIN_KEY));
    }

    @Test
    void createUser_withInvalidFields_isRefusedNamingEachField() {
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-address", "plan", "GOLD"))
                .post("/admin/users")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("body.email", "body.plan"));
    }

    @Test
    void createUser_withMalformedJson_isA400Problem() {
        asAdmin().contentType(ContentType.JSON).body("{\"name\": ")
                .post("/admin/users")
                .then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("Exception")));
    }

    @Test
    void issueApiKey_forUnknownUser_isA404Problem() {
        asAdmin().post("/admin/users/{id}/api-keys", "Unobody00000")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://thingbus.io/problems/unknown-user"));
    }

    @Test
    void getUser_withInvalidId_isA400ProblemNamingThePathParameter() {
        asAdmin().get("/admin/users/{id}", "9-not-a-user")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("path.user_id"));
    }

    private static void createDevice(String tenant, String deviceId, String deviceToken) {
        Registry.asTenant(tenant).contentType(ContentType.JSON).body(Map.of("device_token", deviceToken))
                .post("/device/{id}", deviceId)
                .then().statusCode(201);
    }

    private static void assertCloudEventsHeaders(ConsumerRecord<String, byte[]> record, String type, TenantId tenant) {
        assertThat(TopicReader.header(record, RecordHeaders.CE_SPECVERSION)).isEqualTo("1.0");
        assertThat(TopicReader.header(record, RecordHeaders.CE_ID)).isNotBlank();
        assertThat(TopicReader.header(record, RecordHeaders.CE_TYPE)).isEqualTo(type);
        assertThat(TopicReader.header(record, RecordHeaders.CE_SOURCE)).isEqualTo("//thingbus/device-service");
        assertThat(TopicReader.header(record, RecordHeaders.CE_TIME)).isNotBlank();
        assertThat(TopicReader.header(record, RecordHeaders.TENANT)).isEqualTo(tenant.value());
    }
}
