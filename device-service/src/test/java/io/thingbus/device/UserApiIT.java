package io.thingbus.device;

import static io.restassured.RestAssured.given;
import static io.thingbus.device.Registry.asTenant;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.thingbus.testing.InfrastructureResource;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class UserApiIT {

    private Registry.CreatedUser user;

    @BeforeEach
    void createUser() {
        user = Registry.createUser();
    }

    @Test
    void getUser_showsTheCallersOwnProfile() {
        asTenant(user.userId()).get("/user")
                .then().statusCode(200)
                .body("user_id", equalTo(user.userId()))
                .body("name", equalTo("Test user"))
                .body("email", nullValue())
                .body("plan", equalTo("basic"));
    }

    @Test
    void getUser_underThingScalesPathWithTrailingSlash_works() {
        asTenant(user.userId()).get("/user/").then().statusCode(200).body("user_id", equalTo(user.userId()));
    }

    @Test
    void putUser_changesWhatItNamesAndAnEmptyStringClears() {
        asTenant(user.userId()).contentType(ContentType.JSON)
                .body(Map.of("email", "ada@example.com"))
                .put("/user")
                .then().statusCode(200)
                .body("name", equalTo("Test user"))
                .body("email", equalTo("ada@example.com"));

        asTenant(user.userId()).contentType(ContentType.JSON)
                .body(Map.of("name", "Ada", "email", ""))
                .put("/user")
                .then().statusCode(200);

        asTenant(user.userId()).get("/user")
                .then().body("name", equalTo("Ada")).body("email", nullValue());
    }

    @Test
    void putUser_withInvalidFields_isA400ProblemNamingThemAndChangesNothing() {
        asTenant(user.userId()).contentType(ContentType.JSON)
                .body(Map.of("name", "x".repeat(101), "email", "nope"))
                .put("/user")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("body.name", "body.email"));

        asTenant(user.userId()).get("/user").then().body("name", equalTo("Test user"));
    }

    @Test
    void getUser_withoutTenantHeader_isA401Problem() {
        given().get("/user").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void getUser_ofAnUnregisteredTenant_isA404Problem() {
        asTenant("Unobody00000").get("/user").then().statusCode(404).contentType("application/problem+json");
    }
}
