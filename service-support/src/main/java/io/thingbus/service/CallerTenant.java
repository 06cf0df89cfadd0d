package io.thingbus.service;

import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.contracts.TenantId;

/** The tenant a request acts for, as the gateway set it in {@code X-Thingbus-Tenant} after authenticating it. */
public final class CallerTenant {

    private CallerTenant() {
    }

    /** @throws ProblemException 401 when the header is missing or not a tenant id */
    public static TenantId from(String header) {
        if (!TenantId.isValid(header)) {
            throw new ProblemException(Problem.of(401, "unauthenticated", "Unauthenticated",
                    "the request carries no authenticated tenant (" + GatewayHeaders.TENANT + ")"));
        }
        return TenantId.of(header);
    }
}
