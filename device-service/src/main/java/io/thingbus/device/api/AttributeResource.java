package io.thingbus.device.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.device.domain.AttributeKey;
import io.thingbus.device.domain.AttributePatch;
import io.thingbus.device.domain.AttributeScope;
import io.thingbus.device.domain.DeviceAttributes;
import io.thingbus.service.CallerTenant;
import io.thingbus.service.Problem;
import io.thingbus.service.ProblemException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A device's attributes (ThingsBoard's attributes): client-side ones as the device or its gateway reported them, and
 * shared ones the user sets here and the platform pushes to the device. Scoped to the tenant in
 * {@code X-Thingbus-Tenant}; another tenant's device answers 404.
 */
@Path("/device/{device_id}/attributes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Attributes", description = "Client-side and shared attributes of the caller's devices")
public class AttributeResource {

    private final DeviceAttributes attributes;
    private final JsonBody json;

    public AttributeResource(DeviceAttributes attributes, JsonBody json) {
        this.attributes = attributes;
        this.json = json;
    }

    @GET
    @Operation(summary = "Read attributes: {\"client\": {...}, \"shared\": {...}}, optionally one scope and some keys")
    @APIResponse(responseCode = "200", description = "the attributes by scope",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response read(@HeaderParam(GatewayHeaders.TENANT) String tenant,
                           @PathParam("device_id") String deviceId,
                           @Parameter(description = "client or shared; absent = both")
                           @QueryParam("scope") String scope,
                           @Parameter(description = "comma-separated keys; absent = all")
                           @QueryParam("keys") List<String> keys) {
        DeviceKey device = key(tenant, deviceId);
        Set<AttributeScope> scopes = QueryInput.scopes(scope);
        Set<AttributeKey> selected = QueryInput.attributeKeys(keys);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        attributes.read(device, scopes, selected).forEach((s, values) -> body.set(s.wireName(), object(values)));
        return json(body);
    }

    @PUT
    @Path("shared")
    @Operation(summary = "Merge shared attributes (a null value deletes the key); each change is pushed to the device")
    @APIResponse(responseCode = "200", description = "every shared attribute after the change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response changeShared(@HeaderParam(GatewayHeaders.TENANT) String tenant,
                                   @PathParam("device_id") String deviceId,
                                   @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                           schema = @Schema(type = SchemaType.OBJECT))) String body) {
        DeviceKey device = key(tenant, deviceId);
        AttributePatch patch = patch(json.read(body, ObjectNode.class, JsonNodeFactory.instance.objectNode()));
        return json(shared(attributes.changeShared(device, patch)));
    }

    @DELETE
    @Path("shared")
    @Operation(summary = "Delete shared attributes; the deletions are pushed to the device")
    public Response deleteShared(@HeaderParam(GatewayHeaders.TENANT) String tenant,
                                 @PathParam("device_id") String deviceId,
                                 @Parameter(description = "comma-separated keys to delete (required)")
                                 @QueryParam("keys") List<String> keys) {
        DeviceKey device = key(tenant, deviceId);
        Set<AttributeKey> selected = QueryInput.attributeKeys(keys);
        if (selected.isEmpty()) {
            throw new ProblemException(Problem.invalidField("query.keys", "name the keys to delete"));
        }
        attributes.deleteShared(device, selected);
        return Response.noContent().build();
    }

    private static DeviceKey key(String tenant, String deviceId) {
        return DeviceKey.of(CallerTenant.from(tenant), PathInput.deviceId(deviceId));
    }

    /**
     * The tree as a JSON response. Written here, not by the framework: a {@code JsonNode} entity would be serialised
     * as a bean ({@code {"nodeType": "OBJECT", …}}) by the generated serialisers.
     */
    private static Response json(ObjectNode body) {
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static AttributePatch patch(ObjectNode body) {
        try {
            return AttributePatch.of(body);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.invalidField("body", e.getMessage()));
        }
    }

    private static ObjectNode shared(SortedMap<AttributeKey, JsonNode> values) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set(AttributeScope.SHARED.wireName(), object(values));
        return body;
    }

    private static ObjectNode object(Map<AttributeKey, JsonNode> values) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        values.forEach((key, value) -> object.set(key.value(), value));
        return object;
    }
}
