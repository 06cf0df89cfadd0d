package io.thingbus.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingbus.contracts.GatewayHeaders;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The operator's side of the REST API, as the launcher uses it: creating and checking users. */
final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gatewayUrl;
    private final String adminKey;

    AdminApi(String gatewayUrl, String adminKey) {
        this.gatewayUrl = gatewayUrl;
        this.adminKey = adminKey;
    }

    DemoUser createUser(String name, String email) {
        String body = JSON.createObjectNode().put("name", name).put("email", email).put("plan", "basic").toString();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/admin/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating the demo user failed: HTTP " + response.statusCode() + " "
                    + response.body());
        }
        try {
            return JSON.readValue(response.body(), DemoUser.class);
        } catch (IOException e) {
            throw new IllegalStateException("unexpected answer when creating the demo user: " + response.body(), e);
        }
    }

    boolean userExists(String userId) {
        return send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/admin/users/" + userId)).GET())
                .statusCode() == 200;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header(GatewayHeaders.ADMIN_KEY, adminKey).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the gateway at " + gatewayUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
