package io.thingbus.gateway.domain;

import io.thingbus.contracts.TenantId;
import java.util.Objects;

/**
 * An authenticated tenant, as its API key says.
 *
 * @param plan the tenant's plan name, which will decide its rate limits
 */
public record Caller(TenantId tenant, String plan) {

    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(plan, "plan");
    }
}
