package io.thingbus.event.api;

import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.contracts.TenantId;
import io.thingbus.service.Problem;
import io.thingbus.service.ProblemException;

/** The tenant a request acts for, as the gateway set it in {@code X-Thingbus-Tenant} after authenticating it. */
final class CallerTenant {

    private CallerTenant() {
    }

    /** @throws ProblemException 401 when the header is missing or not a tenant id */
    static TenantId from(String header) {
        if (!TenantId.isValid(header)) {
            throw new ProblemException(Problem.of(401, "unauthenticated", "Unauthenticated",
                    "the request carries no authenticated tenant (" + GatewayHeaders.TENANT
                            + "); call the API through the gateway with an API key"));
        }
        return TenantId.of(header);
    }
}
