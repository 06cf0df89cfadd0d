package io.thingbus.gateway;

import io.quarkus.arc.DefaultBean;
import io.thingbus.gateway.api.OwnApiDocument;
import io.thingbus.gateway.config.PublicAddressConfig;
import io.thingbus.gateway.domain.AdmissionPolicy;
import io.thingbus.gateway.domain.ApiDocumentMerger;
import io.thingbus.gateway.domain.ApiKeyAuthenticator;
import io.thingbus.gateway.domain.ApiKeyDirectory;
import io.thingbus.gateway.domain.RouteTable;
import io.thingbus.gateway.domain.ServerUrl;
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

    /**
     * Merges the services' API documents into the gateway's own ({@code META-INF/openapi.yaml}).
     *
     * @throws IllegalArgumentException when {@code thingbus.gateway.public-url} is unusable: the gateway does not start
     */
    @Produces
    @Singleton
    ApiDocumentMerger apiDocumentMerger(RouteTable routes, PublicAddressConfig address) {
        return new ApiDocumentMerger(OwnApiDocument.load(), routes, serverUrl(address));
    }

    private static ServerUrl serverUrl(PublicAddressConfig address) {
        try {
            return address.publicUrl().map(ServerUrl::of).orElse(ServerUrl.relative());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("thingbus.gateway.public-url: " + e.getMessage(), e);
        }
    }

    /** Until plans get limits every request is admitted; a bean implementing {@link AdmissionPolicy} replaces this. */
    @Produces
    @Singleton
    @DefaultBean
    AdmissionPolicy admissionPolicy() {
        return AdmissionPolicy.unlimited();
    }
}
