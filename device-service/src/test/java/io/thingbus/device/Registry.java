package io.thingbus.device;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.thingbus.contracts.GatewayHeaders;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** Drives the registry from outside, as the operator and the gateway do. */
final class Registry {

    /** A user created through the admin API, with the secrets shown at creation. */
    record CreatedUser(String userId, String apiKey, String deviceToken) {
    }

    private Registry() {
    }

    static String adminKey() {
        return ConfigProvider.getConfig().getValue("thingbus.admin.key", String.class);
    }

    static RequestSpecification asAdmin() {
        return given().header(GatewayHeaders.ADMIN_KEY, adminKey());
    }

    /** A request as the gateway forwards it for {@code tenant}. */
    static RequestSpecification asTenant(String tenant) {
        return given().header(GatewayHeaders.TENANT, tenant);
    }

    static CreatedUser createUser() {
        JsonPath user = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Test user"))
                .post("/admin/users")
                .then().statusCode(201).extract().jsonPath();
        return new CreatedUser(user.getString("user_id"), user.getString("api_key"), user.getString("device_token"));
    }

    static String issueDeviceToken(String userId) {
        return asAdmin().post("/admin/users/{id}/device-tokens", userId)
                .then().statusCode(201).extract().jsonPath().getString("device_token");
    }
}
