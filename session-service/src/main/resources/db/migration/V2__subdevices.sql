-- Gateway sub-device connectivity (ThingsBoard v1/gateway/connect, disconnect), from the io.thingbus.subdevice-event.v1
-- records on thingbus.lifecycle.v1. One row per gateway session and sub-device: the devices a gateway announced as
-- connected on its current connection (connection_id). A new connection of the gateway, or the end of its session,
-- drops its rows (explicitly on a new connection, by the foreign key when the session row goes).

CREATE TABLE subdevices (
    tenant        TEXT        NOT NULL,
    client_id     TEXT        NOT NULL,
    device_id     TEXT        NOT NULL,
    connection_id TEXT        NOT NULL,
    device_type   TEXT,
    gateway_id    TEXT        NOT NULL,
    connected_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, client_id, device_id),
    FOREIGN KEY (tenant, client_id) REFERENCES sessions (tenant, client_id) ON DELETE CASCADE
);

CREATE INDEX subdevices_device_idx ON subdevices (tenant, device_id);
