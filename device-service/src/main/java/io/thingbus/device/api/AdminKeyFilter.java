package io.thingbus.device.api;

import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.device.domain.AdminKey;
import io.thingbus.service.Problem;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** Refuses {@link AdminOnly} requests without the configured admin key with a 401 problem. */
@AdminOnly
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminKeyFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(AdminKeyFilter.class);

    /** Looked up per request: filters are built at static init, before runtime configuration exists. */
    private final Instance<AdminKey> adminKey;

    public AdminKeyFilter(Instance<AdminKey> adminKey) {
        this.adminKey = adminKey;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!adminKey.get().matches(request.getHeaderString(GatewayHeaders.ADMIN_KEY))) {
            String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
            LOG.debugf("request refused (401): %s without a valid admin key", path);
            request.abortWith(Problem.of(401, "unauthenticated", "Unauthenticated",
                    "this endpoint needs the operator's key in " + GatewayHeaders.ADMIN_KEY).withInstance(path)
                    .toResponse());
        }
    }
}
