package io.thingbus.command.api;

import io.smallrye.common.annotation.Blocking;
import io.thingbus.command.domain.DeviceNotFoundException;
import io.thingbus.command.domain.Rpc;
import io.thingbus.command.domain.RpcCalls;
import io.thingbus.command.domain.RpcKey;
import io.thingbus.command.domain.RpcNotFoundException;
import io.thingbus.command.domain.RpcRequest;
import io.thingbus.command.domain.RpcStatus;
import io.thingbus.command.domain.RpcTimedOutException;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.contracts.TenantId;
import io.thingbus.service.CallerTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /rpc/{device_id}}: a server-side RPC to a device connected through a ThingsBoard gateway;
 * {@code GET /rpc/{device_id}/{rpc_id}}: its status and answer.
 */
@Path("/rpc")
@Tag(name = "RPC")
public class RpcResource {

    private final RpcCalls calls;

    @Inject
    public RpcResource(RpcCalls calls) {
        this.calls = calls;
    }

    @POST
    @Path("/{device_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Call a method on a device (server-side RPC)",
            description = "Sends {\"device\",\"data\":{\"id\",\"method\",\"params\"}} to the gateway the device is "
                    + "connected through (MQTT topic v1/gateway/rpc). A two-way RPC waits up to timeout_ms for the "
                    + "answer. While no gateway carries the device the RPC is held (queued) until one announces it, "
                    + "or until expiry_ms passes.")
    @APIResponse(responseCode = "200", description = "The device answered (status succeeded or failed)")
    @APIResponse(responseCode = "202", description = "Held as queued (the device's gateway is offline), or a one-way "
            + "RPC that was sent")
    @APIResponse(responseCode = "409", description = "The device is not connected through a gateway")
    @APIResponse(responseCode = "504", description = "No answer within timeout_ms; the RPC is timed_out")
    public CompletionStage<Response> call(
            @Parameter(description = "The authenticated tenant, set by the gateway", required = true)
            @HeaderParam(GatewayHeaders.TENANT) String tenant,
            @Parameter(description = "The device (a gateway's sub-device)") @PathParam("device_id") String deviceId,
            @RequestBody(description = "{\"method\": string, \"params\"?: any JSON (default {}), \"timeout_ms\"?: "
                    + "number, \"one_way\"?: boolean, \"expiry_ms\"?: number}") byte[] body) {
        TenantId caller = CallerTenant.from(tenant);
        RpcRequest request = RpcBody.parse(deviceKey(caller, deviceId), body);
        CompletableFuture<Response> response = new CompletableFuture<>();
        calls.call(request).whenComplete((rpc, failure) -> {
            if (failure != null) {
                response.completeExceptionally(unwrapped(failure));
            } else if (rpc.status() == RpcStatus.TIMED_OUT) {
                response.completeExceptionally(new RpcTimedOutException(rpc));
            } else {
                response.complete(answer(rpc));
            }
        });
        return response;
    }

    @GET
    @Path("/{device_id}/{rpc_id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read an RPC", description = "The RPC's status and, once the device answered, its answer.")
    public RpcView get(
            @Parameter(description = "The authenticated tenant, set by the gateway", required = true)
            @HeaderParam(GatewayHeaders.TENANT) String tenant,
            @Parameter(description = "The device") @PathParam("device_id") String deviceId,
            @Parameter(description = "The RPC's id, as POST answered it") @PathParam("rpc_id") String rpcId) {
        TenantId caller = CallerTenant.from(tenant);
        return RpcView.of(calls.find(rpcKey(caller, deviceId, rpcId)));
    }

    /** The path of an RPC, device id encoded: {@code /rpc/<device>/<id>}. */
    static String location(RpcKey key) {
        return UriBuilder.fromPath("/rpc/{device_id}/{rpc_id}")
                .build(key.device().device().value(), key.id()).toString();
    }

    /** 200 once answered; 202 (with {@code Location}) while queued, and for a sent one-way RPC. */
    private static Response answer(Rpc rpc) {
        if (rpc.status().isOpen()) {
            return Response.accepted(RpcView.of(rpc)).header("Location", location(rpc.key())).build();
        }
        return Response.ok(RpcView.of(rpc)).build();
    }

    /** A device id that cannot exist is a device that does not exist. */
    private static DeviceKey deviceKey(TenantId tenant, String deviceId) {
        if (!DeviceId.isValid(deviceId)) {
            throw new DeviceNotFoundException(tenant.value() + "/" + deviceId);
        }
        return DeviceKey.of(tenant, DeviceId.of(deviceId));
    }

    /** An id that cannot exist names no RPC. */
    private static RpcKey rpcKey(TenantId tenant, String deviceId, String rpcId) {
        if (!DeviceId.isValid(deviceId) || rpcId == null || !rpcId.matches("[1-9][0-9]{0,17}")) {
            throw new RpcNotFoundException(tenant.value() + "/" + deviceId + "/" + rpcId);
        }
        return RpcKey.of(DeviceKey.of(tenant, DeviceId.of(deviceId)), Long.parseLong(rpcId));
    }

    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
