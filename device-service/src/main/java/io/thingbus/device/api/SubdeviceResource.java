package io.thingbus.device.api;

import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.device.domain.Subdevices;
import io.thingbus.service.CallerTenant;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sub-devices of a gateway (ThingsBoard's gateway API), scoped to the tenant in {@code X-Thingbus-Tenant}. */
@Path("/device/{device_id}/devices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Device", description = "The caller's devices")
public class SubdeviceResource {

    private final Subdevices subdevices;

    public SubdeviceResource(Subdevices subdevices) {
        this.subdevices = subdevices;
    }

    @GET
    @Operation(summary = "List the sub-devices a gateway announced last (connected or not), ordered by device id")
    public List<DeviceResponse> subdevices(@HeaderParam(GatewayHeaders.TENANT) String tenant,
                                           @PathParam("device_id") String gatewayId) {
        DeviceKey gateway = DeviceKey.of(CallerTenant.from(tenant), PathInput.deviceId(gatewayId));
        return subdevices.subdevicesOf(gateway).stream().map(DeviceResponse::of).toList();
    }
}
