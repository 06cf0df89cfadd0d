-- What command-service needs to know to publish to a device, materialised from Kafka (never read from another
-- service's tables): the registry's devices (thingbus.devices.v1) and the live sessions with their downlink
-- subscriptions (thingbus.lifecycle.v1).

-- token_hash: SHA-256 of the device token that starts the device's ThingScale topics; NULL when the registry names
-- none yet (publishing then answers 409).
CREATE TABLE devices (
    tenant     TEXT NOT NULL,
    device_id  TEXT NOT NULL,
    token_hash TEXT,
    PRIMARY KEY (tenant, device_id)
);

-- One row per tenant and MQTT client id: the client's current connection.
CREATE TABLE sessions (
    tenant        TEXT        NOT NULL,
    client_id     TEXT        NOT NULL,
    connection_id TEXT        NOT NULL,
    broker        TEXT        NOT NULL,
    token_hash    TEXT,
    connected_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, client_id)
);

CREATE INDEX sessions_broker_idx ON sessions (broker);

-- Only the filters that cover downlink topics. device_id: the device whose downlink the filter covers, or '*' for
-- every device of the session's token.
CREATE TABLE downlink_subscriptions (
    tenant       TEXT NOT NULL,
    client_id    TEXT NOT NULL,
    topic_filter TEXT NOT NULL,
    device_id    TEXT NOT NULL,
    PRIMARY KEY (tenant, client_id, topic_filter),
    FOREIGN KEY (tenant, client_id) REFERENCES sessions (tenant, client_id) ON DELETE CASCADE
);

CREATE INDEX downlink_subscriptions_device_idx ON downlink_subscriptions (tenant, device_id);
