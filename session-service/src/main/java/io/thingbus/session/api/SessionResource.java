package io.thingbus.session.api;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.contracts.TenantId;
import io.thingbus.service.CallerTenant;
import io.thingbus.session.domain.ActiveSessions;
import io.thingbus.session.domain.SessionQuery;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /session}: the caller's live MQTT and WebSocket sessions; {@code GET /session/devices}: the caller's
 * devices connected through a gateway.
 */
@Path("/session")
@Tag(name = "Sessions")
public class SessionResource {

    private final ActiveSessions sessions;

    @Inject
    public SessionResource(ActiveSessions sessions) {
        this.sessions = sessions;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List active sessions",
            description = "The caller's clients connected to the broker (MQTT and WebSocket), oldest connection "
                    + "first, with their subscriptions, the devices whose downlink they receive, and for gateways "
                    + "the caller's sub-devices connected through them (not devices other users claimed from the "
                    + "caller that still talk through the caller's gateway).")
    public List<SessionResponse> list(
            @Parameter(description = "The authenticated tenant, set by the gateway", required = true)
            @HeaderParam(GatewayHeaders.TENANT) String tenant,
            @Parameter(description = "Only sessions whose subscriptions cover this device's downlink topic, or "
                    + "gateway sessions the device is connected through ('*': sessions subscribed to every device "
                    + "of their token)")
            @QueryParam("device_id") String deviceId,
            @Parameter(description = "Only sessions on this transport: tcp, tls, ws or wss")
            @QueryParam("transport") String transport) {
        TenantId caller = CallerTenant.from(tenant);
        SessionQuery query = SessionQuery.parse(deviceId, transport);
        return sessions.of(caller, query).stream().map(SessionResponse::of).toList();
    }

    @GET
    @Path("/devices")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List devices connected through gateways",
            description = "The caller's devices that a gateway announced as connected (ThingsBoard gateway API "
                    + "v1/gateway/connect) on its live session, each with the gateway it is connected through; by "
                    + "device id, the most recent connection first. A device the caller claimed from another user "
                    + "that still talks through that user's gateway is listed with the gateway's id only.")
    public List<ConnectedDeviceResponse> devices(
            @Parameter(description = "The authenticated tenant, set by the gateway", required = true)
            @HeaderParam(GatewayHeaders.TENANT) String tenant,
            @Parameter(description = "Only this device") @QueryParam("device_id") String deviceId) {
        TenantId caller = CallerTenant.from(tenant);
        Optional<DeviceId> device = SessionQuery.parseDeviceId(deviceId);
        return sessions.devicesOf(caller, device).stream().map(ConnectedDeviceResponse::of).toList();
    }
}
