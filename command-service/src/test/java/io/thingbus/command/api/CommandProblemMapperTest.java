package io.thingbus.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.command.domain.DeviceNotFoundException;
import io.thingbus.command.domain.DeviceWithoutTokenException;
import io.thingbus.command.domain.DownlinkUnavailableException;
import io.thingbus.command.domain.InvalidPublishException;
import io.thingbus.command.domain.PayloadTooLargeException;
import io.thingbus.command.domain.StoreUnavailableException;
import io.thingbus.command.domain.UnsupportedQosException;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import io.thingbus.service.Problem;
import java.sql.SQLException;
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
