package io.thingbus.command.api;

import io.thingbus.command.domain.CommandException;
import io.thingbus.command.domain.DeviceNotFoundException;
import io.thingbus.command.domain.DeviceWithoutTokenException;
import io.thingbus.command.domain.DownlinkUnavailableException;
import io.thingbus.command.domain.InvalidPublishException;
import io.thingbus.command.domain.InvalidRpcException;
import io.thingbus.command.domain.NotBehindGatewayException;
import io.thingbus.command.domain.PayloadTooLargeException;
import io.thingbus.command.domain.RpcNotFoundException;
import io.thingbus.command.domain.RpcNotRecordedException;
import io.thingbus.command.domain.RpcTimedOutException;
import io.thingbus.command.domain.StoreUnavailableException;
import io.thingbus.command.domain.UnsupportedQosException;
import io.thingbus.service.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The one mapper of the command service's domain exceptions to problem+json: invalid parameters and QoS 2 → 400,
 * unknown or foreign device or RPC → 404, device without a token or not behind a gateway → 409, body too large → 413,
 * database or Kafka unavailable → 503 with {@code Retry-After}, an RPC without an answer in time → 504 with its id.
 * 4xx and the 504 (the device's silence, not a failure of the service) are logged at DEBUG without a stack trace,
 * other 5xx at ERROR; the client never sees a stack trace, a database or a Kafka message.
 */
@Provider
public class CommandProblemMapper implements ExceptionMapper<CommandException> {

    private static final Logger LOG = Logger.getLogger(CommandProblemMapper.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(CommandException exception) {
        if (exception instanceof RpcTimedOutException timedOut) {
            LOG.debugf("request answered 504: %s %s", path(), exception.getMessage());
            return RpcTimeoutProblem.of(timedOut.rpc(), path());
        }
        Problem problem = problemFor(exception).withInstance(path());
        if (problem.status() >= 500) {
            LOG.error("request failed: " + path(), exception);
            return Response.fromResponse(problem.toResponse()).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.debugf("request refused (%d): %s %s", problem.status(), path(), exception.getMessage());
        return problem.toResponse();
    }

    static Problem problemFor(CommandException exception) {
        if (exception instanceof UnsupportedQosException) {
            return new Problem("https://thingbus.io/problems/qos-not-supported", "QoS not supported", 400,
                    exception.getMessage(), null, List.of(new Problem.FieldViolation("qos", exception.getMessage())));
        }
        if (exception instanceof InvalidPublishException invalid) {
            return Problem.invalidField(invalid.field(), invalid.getMessage());
        }
        if (exception instanceof InvalidRpcException invalid) {
            return Problem.invalidField(invalid.field(), invalid.getMessage());
        }
        if (exception instanceof RpcNotFoundException) {
            return Problem.of(404, "rpc-not-found", "RPC not found", "this tenant has no RPC with that id for that "
                    + "device");
        }
        if (exception instanceof NotBehindGatewayException) {
            return Problem.of(409, "not-behind-gateway", "Device not connected through a gateway",
                    "the device is not connected through a gateway: RPC reaches only devices that a ThingsBoard "
                            + "gateway announced (v1/gateway/connect); other devices have no RPC topic yet");
        }
        if (exception instanceof DeviceNotFoundException) {
            return Problem.of(404, "device-not-found", "Device not found", "this tenant has no device with that id");
        }
        if (exception instanceof DeviceWithoutTokenException) {
            return Problem.of(409, "device-without-token", "Device has no token",
                    "the device has no device token yet, so its downlink topic <DEVICE_TOKEN>/<DEVICE_ID>/subscribe "
                            + "is not known; issue a device token for it and publish again");
        }
        if (exception instanceof PayloadTooLargeException tooLarge) {
            return Problem.of(413, "payload-too-large", "Payload too large",
                    "the message to the device would be larger than " + tooLarge.limit() + " bytes");
        }
        if (exception instanceof RpcNotRecordedException) {
            return Problem.of(503, "store-unavailable", "Store unavailable",
                    "the RPC was handed to the message bus, but the service's database could not record it; it will "
                            + "be sent again once the database is back (the gateway may receive it twice, with the "
                            + "same id); retry later");
        }
        if (exception instanceof StoreUnavailableException) {
            return Problem.of(503, "store-unavailable", "Store unavailable",
                    "the service's database is unavailable; nothing was sent; retry later");
        }
        if (exception instanceof DownlinkUnavailableException) {
            return Problem.of(503, "downlink-unavailable", "Downlink unavailable",
                    "the message could not be handed to the message bus in time; it may or may not be delivered; "
                            + "retry later");
        }
        return Problem.of(500, "internal-error", "Internal error",
                "the request could not be processed; it has been logged");
    }

    private String path() {
        return uriInfo == null ? null : "/" + uriInfo.getPath().replaceFirst("^/", "");
    }
}
