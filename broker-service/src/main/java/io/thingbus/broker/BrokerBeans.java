package io.thingbus.broker;

import io.thingbus.broker.config.BrokerConfig;
import io.thingbus.broker.config.BrokerInstance;
import io.thingbus.broker.config.DownlinkConfig;
import io.thingbus.broker.domain.ClaimedDevices;
import io.thingbus.broker.domain.ClientSessions;
import io.thingbus.broker.domain.DeviceAuthenticator;
import io.thingbus.broker.domain.DeviceCredentials;
import io.thingbus.broker.domain.DownlinkMapper;
import io.thingbus.broker.domain.GatewayPublishMapper;
import io.thingbus.broker.domain.GatewaySubdevices;
import io.thingbus.broker.domain.KnownTokens;
import io.thingbus.broker.domain.SessionEvents;
import io.thingbus.broker.domain.SharedAttributePush;
import io.thingbus.broker.domain.SubdeviceOwnership;
import io.thingbus.broker.domain.ThingScaleAccessPolicy;
import io.thingbus.broker.domain.ThingScalePublishMapper;
import io.thingbus.broker.domain.ThingScaleTopicParser;
import io.thingbus.broker.domain.UplinkSink;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;

/** Wires the framework-free domain objects of the edge as CDI beans. */
@Singleton
public class BrokerBeans {

    @Produces
    @Singleton
    BrokerInstance brokerInstance(BrokerConfig config) {
        return new BrokerInstance(config.instanceId().orElseGet(BrokerBeans::hostName));
    }

    @Produces
    @Singleton
    DeviceCredentials deviceCredentials() {
        return new DeviceCredentials();
    }

    @Produces
    @Singleton
    ClaimedDevices claimedDevices() {
        return new ClaimedDevices();
    }

    @Produces
    @Singleton
    DeviceAuthenticator deviceAuthenticator(DeviceCredentials credentials) {
        return new DeviceAuthenticator(credentials);
    }

    @Produces
    @Singleton
    ThingScaleTopicParser topicParser() {
        return new ThingScaleTopicParser();
    }

    @Produces
    @Singleton
    ThingScaleAccessPolicy accessPolicy(ThingScaleTopicParser parser) {
        return new ThingScaleAccessPolicy(parser);
    }

    @Produces
    @Singleton
    ThingScalePublishMapper publishMapper(ThingScaleTopicParser parser, BrokerInstance instance) {
        return new ThingScalePublishMapper(parser, Clock.systemUTC(), () -> UUID.randomUUID().toString(),
                instance.source());
    }

    @Produces
    @Singleton
    SessionEvents sessionEvents(ThingScaleAccessPolicy policy, BrokerInstance instance) {
        return new SessionEvents(policy, Clock.systemUTC(), instance.id());
    }

    @Produces
    @Singleton
    KnownTokens knownTokens(DownlinkConfig config) {
        return new KnownTokens(config.knownTokens());
    }

    @Produces
    @Singleton
    ClientSessions clientSessions(BrokerConfig config) {
        return new ClientSessions(Clock.systemUTC(), config.sessions().maxExpiry());
    }

    @Produces
    @Singleton
    DownlinkMapper downlinkMapper(KnownTokens tokens, DeviceCredentials credentials, ClientSessions clients,
            ClaimedDevices claims, DownlinkConfig config) {
        return new DownlinkMapper(tokens, credentials, clients, claims, Clock.systemUTC(), config.defaultExpiry());
    }

    @Produces
    @Singleton
    GatewayPublishMapper gatewayPublishMapper(BrokerInstance instance, ClaimedDevices claims) {
        return new GatewayPublishMapper(Clock.systemUTC(), () -> UUID.randomUUID().toString(), instance.source(),
                instance.id(), claims);
    }

    @Produces
    @Singleton
    GatewaySubdevices gatewaySubdevices(ClaimedDevices claims) {
        return new GatewaySubdevices(claims);
    }

    @Produces
    @Singleton
    SubdeviceOwnership subdeviceOwnership(ClaimedDevices claims, GatewaySubdevices subdevices, UplinkSink uplinks) {
        return new SubdeviceOwnership(claims, subdevices, uplinks, Clock.systemUTC());
    }

    @Produces
    @Singleton
    SharedAttributePush sharedAttributePush(GatewaySubdevices subdevices, DownlinkConfig config) {
        return new SharedAttributePush(subdevices, config.defaultExpiry());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("cannot determine the host name: set thingbus.broker.instance-id", e);
        }
    }
}
