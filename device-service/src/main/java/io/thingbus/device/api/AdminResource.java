package io.thingbus.device.api;

import io.thingbus.contracts.TenantId;
import io.thingbus.device.domain.Email;
import io.thingbus.device.domain.NewUser;
import io.thingbus.device.domain.Plan;
import io.thingbus.device.domain.UserAccounts;
import io.thingbus.device.domain.UserName;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's API: users and their credentials. Every request needs {@code X-Admin-Key}. */
@AdminOnly
@Path("/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "Users, API keys and device tokens (operator only, X-Admin-Key)")
public class AdminResource {

    private final UserAccounts accounts;
    private final JsonBody json;

    public AdminResource(UserAccounts accounts, JsonBody json) {
        this.accounts = accounts;
        this.json = json;
    }

    @POST
    @Operation(summary = "Create a user with one API key and one device token")
    public Response createUser(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateUserRequest.class))) String body) {
        CreateUserRequest request = json.read(body, CreateUserRequest.class, new CreateUserRequest(null, null, null));
        BodyInput input = new BodyInput();
        NewUser newUser = new NewUser(
                input.optional("name", request.name(), UserName::of),
                input.optional("email", request.email(), Email::of),
                input.optional("plan", request.plan(), Plan::of));
        input.requireValid();
        CreatedUserResponse created = CreatedUserResponse.of(accounts.createUser(newUser));
        return Response.created(UriBuilder.fromPath("/admin/users/{id}").build(created.userId()))
                .entity(created).build();
    }

    @GET
    @Path("{user_id}")
    @Operation(summary = "Read a user (without secrets)")
    public UserResponse user(@PathParam("user_id") String userId) {
        return UserResponse.of(accounts.user(PathInput.userId(userId)));
    }

    @POST
    @Path("{user_id}/api-keys")
    @Operation(summary = "Issue another API key; it is shown only in this answer")
    public Response issueApiKey(@PathParam("user_id") String userId) {
        TenantId owner = PathInput.userId(userId);
        return Response.status(Response.Status.CREATED)
                .entity(new ApiKeyResponse(accounts.issueApiKey(owner).value())).build();
    }

    @DELETE
    @Path("{user_id}/api-keys/{api_key}")
    @Operation(summary = "Revoke an API key, given as the key or its SHA-256 (hex)")
    public Response revokeApiKey(@PathParam("user_id") String userId, @PathParam("api_key") String apiKey) {
        accounts.revokeApiKey(PathInput.userId(userId), PathInput.apiKeyHash(apiKey));
        return Response.noContent().build();
    }

    @POST
    @Path("{user_id}/device-tokens")
    @Operation(summary = "Issue another device token")
    public Response issueDeviceToken(@PathParam("user_id") String userId) {
        TenantId owner = PathInput.userId(userId);
        return Response.status(Response.Status.CREATED)
                .entity(new DeviceTokenResponse(accounts.issueDeviceToken(owner).value())).build();
    }

    @DELETE
    @Path("{user_id}/device-tokens/{device_token}")
    @Operation(summary = "Revoke a device token: the MQTT edge stops accepting it")
    public Response revokeDeviceToken(@PathParam("user_id") String userId,
                                      @PathParam("device_token") String deviceToken) {
        accounts.revokeDeviceToken(PathInput.userId(userId), PathInput.deviceToken(deviceToken));
        return Response.noContent().build();
    }
}
