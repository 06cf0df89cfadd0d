package io.thingbus.stream.api;

import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.contracts.TenantId;
import io.thingbus.service.Problem;
import io.thingbus.service.ProblemException;

/** The tenant the gateway authenticated ({@code X-Thingbus-Tenant}); without a valid one a request is refused (401). */
final class TenantHeader {

    private TenantHeader() {
    }

    static TenantId require(String value) {
        if (!TenantId.isValid(value)) {
            throw new ProblemException(Problem.of(401, "unauthenticated", "Unauthenticated",
                    "the request carries no authenticated tenant (" + GatewayHeaders.TENANT
                            + "); call the API through the gateway with an API key"));
        }
        return TenantId.of(value);
    }
}
