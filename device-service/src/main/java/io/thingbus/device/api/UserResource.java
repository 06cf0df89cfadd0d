package io.thingbus.device.api;

import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.contracts.TenantId;
import io.thingbus.device.domain.Email;
import io.thingbus.device.domain.ProfileChange;
import io.thingbus.device.domain.UserAccounts;
import io.thingbus.device.domain.UserName;
import io.thingbus.service.CallerTenant;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** ThingScale's User service: the caller's own profile. */
@Path("/user")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "User", description = "The caller's profile")
public class UserResource {

    private final UserAccounts accounts;
    private final JsonBody json;

    public UserResource(UserAccounts accounts, JsonBody json) {
        this.accounts = accounts;
        this.json = json;
    }

    @GET
    @Operation(summary = "Retrieve the caller's profile")
    public UserResponse profile(@HeaderParam(GatewayHeaders.TENANT) String tenant) {
        return UserResponse.of(accounts.user(CallerTenant.from(tenant)));
    }

    @PUT
    @Operation(summary = "Update name and e-mail; an absent field stays, \"\" clears it")
    public UserResponse updateProfile(@HeaderParam(GatewayHeaders.TENANT) String tenant,
                                      @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                              schema = @Schema(implementation = ProfileRequest.class))) String body) {
        TenantId caller = CallerTenant.from(tenant);
        ProfileRequest request = json.read(body, ProfileRequest.class, new ProfileRequest(null, null));
        BodyInput input = new BodyInput();
        ProfileChange change = new ProfileChange(
                input.update("name", request.name(), UserName::of),
                input.update("email", request.email(), Email::of));
        input.requireValid();
        return UserResponse.of(accounts.updateProfile(caller, change));
    }
}
