package io.thingbus.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiDocumentMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String GATEWAY = """
            {"openapi": "3.1.0", "info": {"title": "Thingbus gateway", "version": "0.1.0"},
             "security": [{"apiKey": []}, {"bearer": []}],
             "paths": {},
             "components": {
               "securitySchemes": {"apiKey": {"type": "apiKey", "in": "header", "name": "X-API-KEY"},
                                   "bearer": {"type": "http", "scheme": "bearer"},
                                   "adminKey": {"type": "apiKey", "in": "header", "name": "X-Admin-Key"}},
               "schemas": {"Problem": {"type": "object", "required": ["type", "title", "status"]}},
               "responses": {"Unauthorized": {"description": "no valid API key"},
                             "BadGateway": {"description": "unreachable"},
                             "ServiceUnavailable": {"description": "starting"},
                             "GatewayTimeout": {"description": "too slow"}}}}
            """;

    private final ApiDocumentMerger merger = new ApiDocumentMerger(json(GATEWAY), RouteTable.standard(), ServerUrl.relative());

    @Test
    void paths_areKeptOnlyWhenTheGatewayRoutesThemToTheServiceThatDocumentsThem() {
        ServiceApiDocument devices = service(Upstream.DEVICE_SERVICE, """
                {"openapi": "3.1.0", "paths": {
                  "/device/{device_id}": {"get": {"responses": {"200": {"description": "the device"}}}},
                  "/admin/users": {"post": {"responses": {"201": {"description": "created"}}}},
                  "/q/health": {"get": {"responses": {"200": {"description": "up"}}}},
                  "/internal/reindex": {"post": {"responses": {"204": {"description": "done"}}}},
                  "/stream/{channel}": {"get": {"responses": {"200": {"description": "not mine"}}}},
                  "/devices": {"get": {"responses": {"200": {"description": "no route"}}}}}}
                """);

        ObjectNode merged = merger.merge(List.of(devices), List.of());

        assertThat(fieldNames(merged.get("paths"))).containsExactly("/admin/users", "/device/{device_id}");
    }

    @Test
    void pathsOfAllServices_areMergedInPathOrder() {
        ObjectNode merged = merger.merge(List.of(
                service(Upstream.STREAM_SERVICE, "{\"openapi\": \"3.1.0\", \"paths\": {\"/stream/{c}\": {}}}"),
                service(Upstream.DEVICE_SERVICE, "{\"openapi\": \"3.1.0\", \"paths\": {\"/user\": {}, \"/device\": {}}}")),
                List.of());

        assertThat(fieldNames(merged.get("paths"))).containsExactly("/device", "/stream/{c}", "/user");
    }

    @Test
    void tenantHeader_isRemovedWhereverItIsDocumented_andOtherParametersStay() {
        ServiceApiDocument devices = service(Upstream.DEVICE_SERVICE, """
                {"openapi": "3.1.0", "paths": {
                  "/device/{device_id}": {
                    "parameters": [{"name": "X-Thingbus-Tenant", "in": "header", "required": true}],
                    "get": {"parameters": [{"name": "x-thingbus-tenant", "in": "header"},
                                           {"name": "device_id", "in": "path", "required": true}],
                            "responses": {"200": {"description": "ok"}}},
                    "delete": {"parameters": [{"$ref": "#/components/parameters/Tenant"},
                                              {"name": "If-Match", "in": "header"}],
                               "responses": {"204": {"description": "gone"}}}},
                  "/user": {"get": {"parameters": [{"name": "X-Thingbus-Tenant", "in": "query"}],
                                    "responses": {"200": {"description": "ok"}}}}},
                 "components": {"parameters": {"Tenant": {"name": "X-Thingbus-Tenant", "in": "header"}}}}
                """);

        ObjectNode merged = merger.merge(List.of(devices), List.of());

        JsonNode device = merged.at("/paths/~1device~1{device_id}");
        assertThat(device.has("parameters")).isFalse();
        assertThat(device.at("/get/parameters").findValuesAsText("name")).containsExactly("device_id");
        assertThat(device.at("/delete/parameters").findValuesAsText("name")).containsExactly("If-Match");
        assertThat(merged.at("/components/parameters").isMissingNode()).isTrue();
        assertThat(merged.at("/paths/~1user/get/parameters").findValuesAsText("in"))
                .as("a query parameter of that name is no header").containsExactly("query");
    }

    @Test
    void apiKeyOperations_requireTheGatewaysApiKey_andAdminOperations_theAdminKey() {
        ServiceApiDocument devices = service(Upstream.DEVICE_SERVICE, """
                {"openapi": "3.1.0", "paths": {
                  "/device": {"get": {"security": [{"tenantHeader": []}], "responses": {"200": {"description": "ok"}}}},
                  "/admin/users/{user_id}": {"get": {"responses": {"200": {"description": "ok"}}},
                                             "delete": {"responses": {"204": {"description": "gone"}}}}}}
                """);

        ObjectNode merged = merger.merge(List.of(devices), List.of());

        assertThat(merged.at("/paths/~1device/get/security")).isEqualTo(json("[{\"apiKey\": []}, {\"bearer\": []}]"));
        assertThat(merged.at("/paths/~1admin~1users~1{user_id}/get/security")).isEqualTo(json("[{\"adminKey\": []}]"));
        assertThat(merged.at("/paths/~1admin~1users~1{user_id}/delete/security")).isEqualTo(json("[{\"adminKey\": []}]"));
    }

    @Test
    void gatewayErrors_areListedOnEveryOperation_unlessItDocumentsThatStatusItself() {
        ServiceApiDocument devices = service(Upstream.DEVICE_SERVICE, """
                {"openapi": "3.1.0", "paths": {
                  "/device": {"get": {"responses": {"200": {"description": "ok"}, "504": {"description": "own"}}}},
                  "/admin/users": {"post": {"responses": {"401": {"description": "wrong admin key"}}}}}}
                """);

        ObjectNode merged = merger.merge(List.of(devices), List.of());

        JsonNode device = merged.at("/paths/~1device/get/responses");
        assertThat(fieldNames(device)).containsExactly("200", "504", "401", "502", "503");
        assertThat(device.at("/401/$ref").asText()).isEqualTo("#/components/responses/Unauthorized");
        assertThat(device.at("/504/description").asText()).isEqualTo("own");
        JsonNode admin = merged.at("/paths/~1admin~1users/post/responses");
        assertThat(fieldNames(admin)).containsExactly("401", "502", "504");
        assertThat(admin.at("/401/description").asText()).isEqualTo("wrong admin key");
    }

    @Test
    void componentClash_isRenamedWithTheServiceName_andOnlyThatServicesReferencesFollow() {
        ServiceApiDocument devices = service(Upstream.DEVICE_SERVICE, """
                {"openapi": "3.1.0", "paths": {"/device": {"get": {"responses": {"200": {"description": "ok",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}}}}}},
                 "components": {"schemas": {"Page": {"type": "object", "properties": {"devices": {"type": "array"}}}}}}
                """);
        ServiceApiDocument streams = service(Upstream.STREAM_SERVICE, """
                {"openapi": "3.1.0", "paths": {"/stream/{c}": {"get": {"responses": {"200": {"description": "ok",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}}}}}},
                 "components": {"schemas": {"Page": {"type": "object", "properties": {"points": {"type": "array"}}}}}}
                """);

        ObjectNode merged = merger.merge(List.of(devices, streams), List.of());

        assertThat(fieldNames(merged.at("/components/schemas"))).containsExactly("Problem", "Page", "stream-service_Page");
        assertThat(merged.at("/components/schemas/Page/properties").has("devices")).isTrue();
        assertThat(merged.at("/components/schemas/stream-service_Page/properties").has("points")).isTrue();
        assertThat(schemaRefOf(merged, "/device")).isEqualTo("#/components/schemas/Page");
        assertThat(schemaRefOf(merged, "/stream~1{c}")).isEqualTo("#/components/schemas/stream-service_Page");
    }

    @Test
    void equalComponents_areSharedUnderTheirName_includingTheGatewaysOwn() {
        String problem = "{\"type\": \"object\", \"required\": [\"type\", \"title\", \"status\"]}";
        String device = "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}";
        String document = """
                {"openapi": "3.1.0", "paths": {"%s": {"get": {"responses": {
                   "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Device"}}}},
                   "404": {"description": "no", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
                 "components": {"schemas": {"Problem": %s, "Device": %s}}}
                """;

        ObjectNode merged = merger.merge(List.of(
                service(Upstream.DEVICE_SERVICE, document.formatted("/device", problem, device)),
                service(Upstream.SESSION_SERVICE, document.formatted("/session", problem, device))), List.of());

        assertThat(fieldNames(merged.at("/components/schemas"))).containsExactly("Problem", "Device");
        assertThat(schemaRefOf(merged, "/session")).isEqualTo("#/components/schemas/Device");
    }

    @Test
    void componentThatRefersToARenamedOne_isRenamedWithIt_andPointersIntoItFollow() {
        String document = """
                {"openapi": "3.1.0", "paths": {"%s": {"get": {"responses": {"200": {"description": "ok",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Reading"}}}}},
                   "parameters": [{"name": "unit", "in": "query",
                                   "schema": {"$ref": "#/components/schemas/Unit/properties/symbol"}}]}}},
                 "components": {"schemas": {
                   "Reading": {"type": "object", "properties": {"unit": {"$ref": "#/components/schemas/Unit"}}},
                   "Unit": {"type": "object", "properties": {"symbol": {"type": "%s"}}}}}}
                """;

        ObjectNode merged = merger.merge(List.of(
                service(Upstream.STREAM_SERVICE, document.formatted("/stream", "string")),
                service(Upstream.EVENT_SERVICE, document.formatted("/event", "integer"))), List.of());

        assertThat(fieldNames(merged.at("/components/schemas")))
                .containsExactly("Problem", "Reading", "Unit", "event-service_Reading", "event-service_Unit");
        assertThat(merged.at("/components/schemas/event-service_Reading/properties/unit/$ref").asText())
                .isEqualTo("#/components/schemas/event-service_Unit");
        assertThat(schemaRefOf(merged, "/event")).isEqualTo("#/components/schemas/event-service_Reading");
        assertThat(merged.at("/paths/~1event/get/parameters/0/schema/$ref").asText())
                .isEqualTo("#/components/schemas/event-service_Unit/properties/symbol");
        assertThat(schemaRefOf(merged, "/stream")).isEqualTo("#/components/schemas/Reading");
    }

    @Test
    void renamedName_thatIsTakenToo_getsANumber() {
        ServiceApiDocument devices = service(Upstream.DEVICE_SERVICE, """
                {"openapi": "3.1.0", "paths": {"/device": {"get": {"responses": {"200": {"description": "ok",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}}}}}},
                 "components": {"schemas": {"Page": {"title": "devices"}}}}
                """);
        ServiceApiDocument streams = service(Upstream.STREAM_SERVICE, """
                {"openapi": "3.1.0", "paths": {"/stream": {"get": {"responses": {
                   "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}},
                   "206": {"description": "part", "content": {"application/json": {
                           "schema": {"$ref": "#/components/schemas/stream-service_Page"}}}}}}}},
                 "components": {"schemas": {"Page": {"title": "streams"}, "stream-service_Page": {"title": "taken"}}}}
                """);

        ObjectNode merged = merger.merge(List.of(devices, streams), List.of());

        assertThat(merged.at("/components/schemas/stream-service_Page_2/title").asText()).isEqualTo("streams");
        assertThat(merged.at("/components/schemas/stream-service_Page/title").asText()).isEqualTo("taken");
        assertThat(schemaRefOf(merged, "/stream")).isEqualTo("#/components/schemas/stream-service_Page_2");
    }

    @Test
    void components_noKeptPathNeeds_areLeftOut_whileEverythingReachableStays() {
        ServiceApiDocument commands = service(Upstream.COMMAND_SERVICE, """
                {"openapi": "3.1.0", "paths": {
                  "/rpc/{device_id}": {"post": {"requestBody": {"$ref": "#/components/requestBodies/Rpc"},
                                                "responses": {"200": {"description": "ok"}}}},
                  "/internal/replay": {"post": {"requestBody": {"content": {"application/json": {
                                                  "schema": {"$ref": "#/components/schemas/Replay"}}}}}}},
                 "components": {
                   "requestBodies": {"Rpc": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Call"}}}}},
                   "schemas": {"Call": {"oneOf": [{"$ref": "#/components/schemas/Led"}],
                                        "discriminator": {"propertyName": "kind", "mapping": {"led": "#/components/schemas/Led"}}},
                               "Led": {"type": "object"},
                               "Replay": {"type": "object"}},
                   "securitySchemes": {"internal": {"type": "http", "scheme": "basic"}}}}
                """);

        ObjectNode merged = merger.merge(List.of(commands), List.of());

        assertThat(fieldNames(merged.at("/components/schemas"))).containsExactly("Problem", "Call", "Led");
        assertThat(fieldNames(merged.at("/components/requestBodies"))).containsExactly("Rpc");
        assertThat(fieldNames(merged.at("/components/securitySchemes"))).containsExactly("apiKey", "bearer", "adminKey");
    }

    @Test
    void discriminatorMapping_followsARenamedSchema() {
        String document = """
                {"openapi": "3.1.0", "paths": {"%s": {"get": {"responses": {"200": {"description": "ok",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Call"}}}}}}}},
                 "components": {"schemas": {
                   "Call": {"oneOf": [{"$ref": "#/components/schemas/Led"}],
                            "discriminator": {"propertyName": "kind", "mapping": {"led": "#/components/schemas/Led"}}},
                   "Led": {"type": "object", "title": "%s"}}}}
                """;

        ObjectNode merged = merger.merge(List.of(
                service(Upstream.DEVICE_SERVICE, document.formatted("/device", "device led")),
                service(Upstream.COMMAND_SERVICE, document.formatted("/rpc", "command led"))), List.of());

        assertThat(merged.at("/components/schemas/command-service_Call/discriminator/mapping/led").asText())
                .isEqualTo("#/components/schemas/command-service_Led");
    }

    @Test
    void operationId_takenByAnEarlierService_isPrefixedWithTheLaterService() {
        String document = "{\"openapi\": \"3.1.0\", \"paths\": {\"%s\": {\"get\": {\"operationId\": \"list\"}}}}";

        ObjectNode merged = merger.merge(List.of(
                service(Upstream.DEVICE_SERVICE, document.formatted("/device")),
                service(Upstream.EVENT_SERVICE, document.formatted("/event"))), List.of());

        assertThat(merged.at("/paths/~1device/get/operationId").asText()).isEqualTo("list");
        assertThat(merged.at("/paths/~1event/get/operationId").asText()).isEqualTo("event-service_list");
    }

    @Test
    void tags_usedByKeptOperations_areMergedByName() {
        ServiceApiDocument devices = service(Upstream.DEVICE_SERVICE, """
                {"openapi": "3.1.0", "tags": [{"name": "Device", "description": "devices"}, {"name": "Internal"}],
                 "paths": {"/device": {"get": {"tags": ["Device"]}}, "/internal": {"get": {"tags": ["Internal"]}}}}
                """);
        ServiceApiDocument sessions = service(Upstream.SESSION_SERVICE, """
                {"openapi": "3.1.0", "tags": [{"name": "Device", "description": "other"}, {"name": "Sessions"}],
                 "paths": {"/session": {"get": {"tags": ["Sessions", "Device"]}}}}
                """);

        ObjectNode merged = merger.merge(List.of(devices, sessions), List.of());

        assertThat(merged.get("tags").findValuesAsText("name")).containsExactly("Device", "Sessions");
        assertThat(merged.at("/tags/0/description").asText()).isEqualTo("devices");
    }

    @Test
    void document_keepsTheGatewaysInfoAndSchemes_namesTheServer_andListsUnavailableServices() {
        ApiDocumentMerger behindIngress = new ApiDocumentMerger(json(GATEWAY), RouteTable.standard(),
                ServerUrl.of(URI.create("https://api.example.com/")));

        ObjectNode merged = behindIngress.merge(List.of(), List.of(Upstream.SESSION_SERVICE, Upstream.DEVICE_SERVICE));

        assertThat(fieldNames(merged)).containsExactly("openapi", "info", "servers", "security", "paths", "components",
                ApiDocumentMerger.UNAVAILABLE);
        assertThat(merged.get("servers")).isEqualTo(json("[{\"url\": \"https://api.example.com\"}]"));
        assertThat(merged.at("/info/title").asText()).isEqualTo("Thingbus gateway");
        assertThat(merged.get(ApiDocumentMerger.UNAVAILABLE)).isEqualTo(json("[\"device-service\", \"session-service\"]"));
    }

    @Test
    void document_withEveryServiceAvailable_hasNoUnavailableList_andARelativeServer() {
        ObjectNode merged = merger.merge(List.of(service(Upstream.EVENT_SERVICE, "{\"openapi\": \"3.0.3\"}")), List.of());

        assertThat(merged.has(ApiDocumentMerger.UNAVAILABLE)).isFalse();
        assertThat(merged.get("servers")).isEqualTo(json("[{\"url\": \"/\"}]"));
    }

    @Test
    void merging_changesNeitherTheServicesDocumentsNorTheNextMerge() {
        ServiceApiDocument devices = service(Upstream.DEVICE_SERVICE, """
                {"openapi": "3.1.0", "paths": {"/device": {"get": {
                   "parameters": [{"name": "X-Thingbus-Tenant", "in": "header"}],
                   "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
                 "components": {"schemas": {"Problem": {"type": "string"}}}}
                """);
        JsonNode before = devices.document().deepCopy();

        ObjectNode first = merger.merge(List.of(devices), List.of());
        ObjectNode second = merger.merge(List.of(devices), List.of());

        assertThat(devices.document()).isEqualTo(before);
        assertThat(second).isEqualTo(first);
        assertThat(schemaRefOf(first, "/device")).isEqualTo("#/components/schemas/device-service_Problem");
    }

    @Test
    void gatewayDocument_withoutTheAdminKeySchemeOrAnErrorResponse_isRejected() {
        ObjectNode noAdminKey = (ObjectNode) json(GATEWAY);
        ((ObjectNode) noAdminKey.at("/components/securitySchemes")).remove("adminKey");
        ObjectNode noTimeout = (ObjectNode) json(GATEWAY);
        ((ObjectNode) noTimeout.at("/components/responses")).remove("GatewayTimeout");

        assertThatThrownBy(() -> new ApiDocumentMerger(noAdminKey, RouteTable.standard(), ServerUrl.relative()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("adminKey");
        assertThatThrownBy(() -> new ApiDocumentMerger(noTimeout, RouteTable.standard(), ServerUrl.relative()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GatewayTimeout");
    }

    @Test
    void serviceDocument_thatIsNoOpenApi3Document_isRejected() {
        assertThatThrownBy(() -> service(Upstream.DEVICE_SERVICE, "{\"service\": \"device-service\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("device-service");
        assertThatThrownBy(() -> service(Upstream.DEVICE_SERVICE, "{\"swagger\": \"2.0\", \"paths\": {}}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service(Upstream.DEVICE_SERVICE, "{\"openapi\": \"3.1.0\", \"paths\": []}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String schemaRefOf(JsonNode merged, String escapedPath) {
        return merged.at("/paths/~1" + escapedPath.substring(1) + "/get/responses/200/content/application~1json/schema/$ref").asText();
    }

    private static ServiceApiDocument service(Upstream upstream, String document) {
        return new ServiceApiDocument(upstream, json(document));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
