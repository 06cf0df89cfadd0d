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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/** The one mapper of the registry's domain exceptions to problem+json. All of them are the client's 4xx. */
@Provider
public class RegistryProblemMapper implements ExceptionMapper<RegistryException> {

    private static final Logger LOG = Logger.getLogger(RegistryProblemMapper.class);

    private static final Map<Class<? extends RegistryException>, Function<String, Problem>> PROBLEMS = Map.ofEntries(
            Map.entry(UnknownUserException.class, detail -> Problem.of(404, "unknown-user", "Unknown user", detail)),
            Map.entry(UnknownDeviceException.class,
                    detail -> Problem.of(404, "unknown-device", "Unknown device", detail)),
            Map.entry(UnknownCredentialException.class,
                    detail -> Problem.of(404, "unknown-credential", "Unknown credential", detail)),
            Map.entry(DeviceAlreadyExistsException.class,
                    detail -> Problem.of(409, "device-exists", "Device exists", detail)),
            Map.entry(NoDeviceTokenException.class,
                    detail -> Problem.of(409, "no-device-token", "No device token", detail)),
            Map.entry(VersionMismatchException.class,
                    detail -> Problem.of(412, "version-mismatch", "Precondition failed", detail)),
            Map.entry(ForeignDeviceTokenException.class, detail -> Problem.invalidField("body.device_token", detail)),
            Map.entry(UnknownChannelException.class, detail -> Problem.invalidField("body.channel_id", detail)),
            Map.entry(ClaimRefusedException.class,
                    detail -> Problem.of(400, "claim-refused", "Claim refused", detail)),
            Map.entry(AmbiguousClaimException.class,
                    detail -> Problem.of(409, "claim-ambiguous", "Ambiguous claim", detail)));

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(RegistryException exception) {
        Problem problem = problemFor(exception);
        String path = uriInfo == null ? null : "/" + uriInfo.getPath().replaceFirst("^/", "");
        LOG.debugf("request refused (%d): %s %s", problem.status(), path, problem.detail());
        return problem.withInstance(path).toResponse();
    }

    static Problem problemFor(RegistryException exception) {
        return PROBLEMS.getOrDefault(exception.getClass(),
                        detail -> Problem.of(400, "invalid-request", "Invalid request", detail))
                .apply(exception.getMessage());
    }
}
