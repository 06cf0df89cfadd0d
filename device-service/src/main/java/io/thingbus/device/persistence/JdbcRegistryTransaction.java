package io.thingbus.device.persistence;

import io.thingbus.device.domain.Attributes;
import io.thingbus.device.domain.Channels;
import io.thingbus.device.domain.Claims;
import io.thingbus.device.domain.Credentials;
import io.thingbus.device.domain.Devices;
import io.thingbus.device.domain.EndedConnections;
import io.thingbus.device.domain.Outbox;
import io.thingbus.device.domain.RegistryTransaction;
import io.thingbus.device.domain.SubdeviceLinks;
import io.thingbus.device.domain.Users;

/** The registry's tables on one connection with an open transaction. */
final class JdbcRegistryTransaction implements RegistryTransaction {

    private final JdbcUsers users;
    private final JdbcCredentials credentials;
    private final JdbcDevices devices;
    private final JdbcOutbox outbox;
    private final JdbcSubdeviceLinks links;
    private final JdbcEndedConnections endedConnections;
    private final JdbcAttributes attributes;
    private final JdbcClaims claims;
    private final JdbcChannels channels;

    JdbcRegistryTransaction(Sql sql) {
        this.users = new JdbcUsers(sql);
        this.credentials = new JdbcCredentials(sql);
        this.devices = new JdbcDevices(sql);
        this.outbox = new JdbcOutbox(sql);
        this.links = new JdbcSubdeviceLinks(sql);
        this.endedConnections = new JdbcEndedConnections(sql);
        this.attributes = new JdbcAttributes(sql);
        this.claims = new JdbcClaims(sql);
        this.channels = new JdbcChannels(sql);
    }

    @Override
    public Users users() {
        return users;
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public Devices devices() {
        return devices;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public SubdeviceLinks links() {
        return links;
    }

    @Override
    public EndedConnections endedConnections() {
        return endedConnections;
    }

    @Override
    public Attributes attributes() {
        return attributes;
    }

    @Override
    public Claims claims() {
        return claims;
    }

    @Override
    public Channels channels() {
        return channels;
    }

    boolean appendedToOutbox() {
        return outbox.appended();
    }
}
