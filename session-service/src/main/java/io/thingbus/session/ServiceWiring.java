package io.thingbus.session;

import io.thingbus.session.domain.ActiveSessions;
import io.thingbus.session.domain.LifecycleProjection;
import io.thingbus.session.persistence.JdbcSessionStore;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the framework-free domain objects from their adapters. */
@Singleton
public class ServiceWiring {

    @Produces
    @Singleton
    LifecycleProjection lifecycleProjection(JdbcSessionStore store) {
        return new LifecycleProjection(store);
    }

    @Produces
    @Singleton
    ActiveSessions activeSessions(JdbcSessionStore store) {
        return new ActiveSessions(store);
    }
}
