package io.thingbus.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.command.domain.DeviceNotFoundException;
import io.thingbus.command.domain.DeviceWithoutTokenException;
import io.thingbus.command.domain.DownlinkUnavailableException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.thingbus.command.domain.InvalidPublishException;
import io.thingbus.command.domain.InvalidRpcException;
import io.thingbus.command.domain.NotBehindGatewayException;
import io.thingbus.command.domain.Rpc;
import io.thingbus.command.domain.RpcKey;
import io.thingbus.command.domain.RpcNotFoundException;
import io.thingbus.command.domain.RpcNotRecordedException;
import io.thingbus.command.domain.RpcStatus;
import io.thingbus.command.domain.RpcTimedOutException;
import io.thingbus.command.domain.PayloadTooLargeException;
import io.thingbus.command.domain.StoreUnavailableException;
import io.thingbus.command.domain.UnsupportedQosException;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import io.thingbus.service.Problem;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandProblemMapperTest {

    @Test
    void eachDomainException_hasItsStatusAndType() {
        assertProblem(new UnsupportedQosException(), 400, "qos-not-supported");
        assertProblem(new InvalidPublishException("expiry", "bad"), 400, "invalid-request");
        assertProblem(new DeviceNotFoundException("U1/dev"), 404, "device-not-found");
        assertProblem(new DeviceWithoutTokenException(DeviceKey.of(TenantId.of("U1"), DeviceId.of("d"))), 409,
                "device-without-token");
        assertProblem(new PayloadTooLargeException(10, 5), 413, "payload-too-large");
        assertProblem(new StoreUnavailableException("x", null), 503, "store-unavailable");
        assertProblem(new DownlinkUnavailableException("x", null), 503, "downlink-unavailable");
        assertProblem(new InvalidRpcException("timeout_ms", "bad"), 400, "invalid-request");
        assertProblem(new RpcNotFoundException("U1/dev/7"), 404, "rpc-not-found");
        assertProblem(new RpcNotRecordedException(RpcKey.of(DeviceKey.of(TenantId.of("U1"), DeviceId.of("d")), 1),
                new StoreUnavailableException("x", null)), 503, "store-unavailable");
        assertProblem(new NotBehindGatewayException(DeviceKey.of(TenantId.of("U1"), DeviceId.of("d"))), 409,
                "not-behind-gateway");
    }

    @Test
    void anRpcWithoutAnswer_is504_namingTheRpcAndWhereToReadIt() {
        Rpc rpc = new Rpc(RpcKey.of(DeviceKey.of(TenantId.of("U1"), DeviceId.of("Device A")), 7), "reboot",
                JsonNodeFactory.instance.objectNode(), false, Duration.ofMillis(1500), RpcStatus.TIMED_OUT,
                Instant.EPOCH, Instant.EPOCH, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(Instant.EPOCH));

        Response response = new CommandProblemMapper().toResponse(new RpcTimedOutException(rpc));

        assertThat(response.getStatus()).isEqualTo(504);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getHeaderString("Location")).isEqualTo("/rpc/Device%20A/7");
        RpcTimeoutProblem body = (RpcTimeoutProblem) response.getEntity();
        assertThat(body.type()).isEqualTo("https://thingbus.io/problems/rpc-timed-out");
        assertThat(body.rpcId()).isEqualTo(7);
        assertThat(body.deviceId()).isEqualTo("Device A");
        assertThat(body.detail()).contains("RPC 7", "1500 ms", "timed_out");
    }

    @Test
    void serverSideFailures_doNotLeakTheirCause() {
        Problem problem = CommandProblemMapper.problemFor(new StoreUnavailableException("cannot read devices",
                new SQLException("FATAL: password authentication failed for user \"postgres\"")));

        assertThat(problem.detail()).doesNotContain("postgres", "password", "SQL", "devices");
    }

    @Test
    void notFound_doesNotSayWhetherTheDeviceExistsElsewhere() {
        Problem problem = CommandProblemMapper.problemFor(new DeviceNotFoundException("Uother/dev-1"));

        assertThat(problem.detail()).doesNotContain("Uother", "dev-1");
    }

    private static void assertProblem(io.thingbus.command.domain.CommandException exception, int status, String slug) {
        Problem problem = CommandProblemMapper.problemFor(exception);
        assertThat(problem.status()).as(slug).isEqualTo(status);
        assertThat(problem.type()).isEqualTo("https://thingbus.io/problems/" + slug);
    }
}
