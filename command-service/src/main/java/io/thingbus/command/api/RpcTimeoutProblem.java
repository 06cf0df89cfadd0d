package io.thingbus.command.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.thingbus.command.domain.Rpc;
import io.thingbus.service.Problem;
import jakarta.ws.rs.core.Response;

/**
 * The 504 answer of a two-way RPC without an answer: an RFC 9457 problem with the extension members
 * {@code rpc_id} and {@code device_id}, so the caller can read the RPC (and a late answer) later. The shared
 * {@link Problem} has no extension members, hence this body of its own.
 */
public record RpcTimeoutProblem(
        @JsonProperty("type") String type,
        @JsonProperty("title") String title,
        @JsonProperty("status") int status,
        @JsonProperty("detail") String detail,
        @JsonProperty("instance") String instance,
        @JsonProperty("rpc_id") long rpcId,
        @JsonProperty("device_id") String deviceId) {

    static final int STATUS = 504;

    static Response of(Rpc rpc, String instance) {
        String location = RpcResource.location(rpc.key());
        RpcTimeoutProblem body = new RpcTimeoutProblem("https://thingbus.io/problems/rpc-timed-out",
                "RPC timed out", STATUS, "the device did not answer RPC " + rpc.key().id() + " within "
                        + rpc.timeout().toMillis() + " ms; it is stored as timed_out, and an answer that comes later "
                        + "is still recorded: GET " + location, instance, rpc.key().id(),
                rpc.key().device().device().value());
        return Response.status(STATUS).type(Problem.MEDIA_TYPE).header("Location", location).entity(body).build();
    }
}
