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
import io.thingbus.service.ProblemResponses;
import io.thingbus.service.ProblemTable;
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

    private static final Problem RPC_NOT_FOUND = Problem.of(404, "rpc-not-found", "RPC not found",
            "this tenant has no RPC with that id for that device");
    private static final Problem DEVICE_NOT_FOUND = Problem.of(404, "device-not-found", "Device not found",
            "this tenant has no device with that id");
    private static final Problem NOT_BEHIND_GATEWAY = Problem.of(409, "not-behind-gateway",
            "Device not connected through a gateway",
            "the device is not connected through a gateway: RPC reaches only devices that a ThingsBoard gateway "
                    + "announced (v1/gateway/connect); other devices have no RPC topic yet");
    private static final Problem DEVICE_WITHOUT_TOKEN = Problem.of(409, "device-without-token", "Device has no token",
            "the device has no device token yet, so its downlink topic <DEVICE_TOKEN>/<DEVICE_ID>/subscribe is not "
                    + "known; issue a device token for it and publish again");
    private static final Problem RPC_NOT_RECORDED = Problem.of(503, "store-unavailable", "Store unavailable",
            "the RPC was handed to the message bus, but the service's database could not record it; it will be sent "
                    + "again once the database is back (the gateway may receive it twice, with the same id); retry "
                    + "later");
    private static final Problem STORE_UNAVAILABLE = Problem.of(503, "store-unavailable", "Store unavailable",
            "the service's database is unavailable; nothing was sent; retry later");
    private static final Problem DOWNLINK_UNAVAILABLE = Problem.of(503, "downlink-unavailable", "Downlink unavailable",
            "the message could not be handed to the message bus in time; it may or may not be delivered; retry later");

    /** An RPC that timed out is answered apart ({@link RpcTimeoutProblem}), so it has no row here. */
    private static final ProblemTable<CommandException> PROBLEMS = ProblemTable.of(CommandException.class)
            .when(UnsupportedQosException.class, CommandProblemMapper::qosNotSupported)
            .when(InvalidPublishException.class, e -> Problem.invalidField(e.field(), e.getMessage()))
            .when(InvalidRpcException.class, e -> Problem.invalidField(e.field(), e.getMessage()))
            .when(RpcNotFoundException.class, e -> RPC_NOT_FOUND)
            .when(NotBehindGatewayException.class, e -> NOT_BEHIND_GATEWAY)
            .when(DeviceNotFoundException.class, e -> DEVICE_NOT_FOUND)
            .when(DeviceWithoutTokenException.class, e -> DEVICE_WITHOUT_TOKEN)
            .when(PayloadTooLargeException.class, CommandProblemMapper::payloadTooLarge)
            .when(RpcNotRecordedException.class, e -> RPC_NOT_RECORDED)
            .when(StoreUnavailableException.class, e -> STORE_UNAVAILABLE)
            .when(DownlinkUnavailableException.class, e -> DOWNLINK_UNAVAILABLE)
            .otherwise(e -> Problem.internalError());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(CommandException exception) {
        String path = ProblemResponses.path(uriInfo);
        if (exception instanceof RpcTimedOutException timedOut) {
            return rpcTimedOut(timedOut, path);
        }
        return ProblemResponses.respond(problemFor(exception), path, exception, LOG);
    }

    static Problem problemFor(CommandException exception) {
        return PROBLEMS.problemFor(exception);
    }

    /** The device's silence, not a failure of the service: DEBUG, and a 504 that names the RPC to read later. */
    private static Response rpcTimedOut(RpcTimedOutException timedOut, String path) {
        LOG.debugf("request answered 504: %s %s", path, timedOut.getMessage());
        return RpcTimeoutProblem.of(timedOut.rpc(), path);
    }

    private static Problem qosNotSupported(UnsupportedQosException exception) {
        return Problem.of(400, "qos-not-supported", "QoS not supported", exception.getMessage())
                .withErrors(List.of(new Problem.FieldViolation("qos", exception.getMessage())));
    }

    private static Problem payloadTooLarge(PayloadTooLargeException exception) {
        return Problem.of(413, "payload-too-large", "Payload too large",
                "the message to the device would be larger than " + exception.limit() + " bytes");
    }
}
