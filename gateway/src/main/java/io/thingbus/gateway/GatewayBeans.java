package io.thingbus.gateway;

import io.quarkus.arc.DefaultBean;
import io.thingbus.gateway.domain.AdmissionPolicy;
import io.thingbus.gateway.domain.ApiKeyAuthenticator;
import io.thingbus.gateway.domain.ApiKeyDirectory;
import io.thingbus.gateway.domain.RouteTable;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the framework-free domain objects available for injection. */
@Singleton
public class GatewayBeans {

    @Produces
    @Singleton
    ApiKeyDirectory apiKeyDirectory() {
        return new ApiKeyDirectory();
    }

    @Produces
    @Singleton
    ApiKeyAuthenticator apiKeyAuthenticator(ApiKeyDirectory directory) {
        return new ApiKeyAuthenticator(directory);
    }

    @Produces
    @Singleton
    RouteTable routeTable() {
        return RouteTable.standard();
    }

    /** Until plans get limits every request is admitted; a bean implementing {@link AdmissionPolicy} replaces this. */
    @Produces
    @Singleton
    @DefaultBean
    AdmissionPolicy admissionPolicy() {
        return AdmissionPolicy.unlimited();
    }
}
