package io.thingbus.device.api;

import io.thingbus.device.domain.AmbiguousClaimException;
import io.thingbus.device.domain.ClaimRefusedException;
import io.thingbus.device.domain.DeviceAlreadyExistsException;
import io.thingbus.device.domain.ForeignDeviceTokenException;
import io.thingbus.device.domain.NoDeviceTokenException;
import io.thingbus.device.domain.RegistryException;
import io.thingbus.device.domain.UnknownChannelException;
import io.thingbus.device.domain.UnknownCredentialException;
import io.thingbus.device.domain.UnknownDeviceException;
import io.thingbus.device.domain.UnknownUserException;
import io.thingbus.device.domain.VersionMismatchException;
import io.thingbus.service.Problem;
import io.thingbus.service.ProblemResponses;
import io.thingbus.service.ProblemTable;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * The one mapper of the registry's domain exceptions to problem+json. All of them are the client's 4xx, with the
 * exception's message as detail.
 */
@Provider
public class RegistryProblemMapper implements ExceptionMapper<RegistryException> {

    private static final Logger LOG = Logger.getLogger(RegistryProblemMapper.class);

    private static final ProblemTable<RegistryException> PROBLEMS = ProblemTable.of(RegistryException.class)
            .when(UnknownUserException.class, e -> Problem.of(404, "unknown-user", "Unknown user", e.getMessage()))
            .when(UnknownDeviceException.class,
                    e -> Problem.of(404, "unknown-device", "Unknown device", e.getMessage()))
            .when(UnknownCredentialException.class,
                    e -> Problem.of(404, "unknown-credential", "Unknown credential", e.getMessage()))
            .when(DeviceAlreadyExistsException.class,
                    e -> Problem.of(409, "device-exists", "Device exists", e.getMessage()))
            .when(NoDeviceTokenException.class,
                    e -> Problem.of(409, "no-device-token", "No device token", e.getMessage()))
            .when(VersionMismatchException.class,
                    e -> Problem.of(412, "version-mismatch", "Precondition failed", e.getMessage()))
            .when(ForeignDeviceTokenException.class, e -> Problem.invalidField("body.device_token", e.getMessage()))
            .when(UnknownChannelException.class, e -> Problem.invalidField("body.channel_id", e.getMessage()))
            .when(ClaimRefusedException.class, e -> Problem.of(400, "claim-refused", "Claim refused", e.getMessage()))
            .when(AmbiguousClaimException.class,
                    e -> Problem.of(409, "claim-ambiguous", "Ambiguous claim", e.getMessage()))
            .otherwise(e -> Problem.of(400, "invalid-request", "Invalid request", e.getMessage()));

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(RegistryException exception) {
        return ProblemResponses.respond(problemFor(exception), ProblemResponses.path(uriInfo), exception, LOG);
    }

    static Problem problemFor(RegistryException exception) {
        return PROBLEMS.problemFor(exception);
    }
}
