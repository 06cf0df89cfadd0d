package io.thingbus.device.persistence;

import io.thingbus.device.domain.Credentials;
import io.thingbus.device.domain.Devices;
import io.thingbus.device.domain.Outbox;
import io.thingbus.device.domain.RegistryTransaction;
import io.thingbus.device.domain.Users;

/** The registry's tables on one connection with an open transaction. */
final class JdbcRegistryTransaction implements RegistryTransaction {

    private final JdbcUsers users;
    private final JdbcCredentials credentials;
    private final JdbcDevices devices;
    private final JdbcOutbox outbox;

    JdbcRegistryTransaction(Sql sql) {
        this.users = new JdbcUsers(sql);
        this.credentials = new JdbcCredentials(sql);
        this.devices = new JdbcDevices(sql);
        this.outbox = new JdbcOutbox(sql);
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

    boolean appendedToOutbox() {
        return outbox.appended();
    }
}
