-- The live session view, built from thingbus.lifecycle.v1. One row per tenant and MQTT client id: the client's
-- current connection. A reconnect replaces the row (and drops the old connection's subscriptions).

CREATE TABLE sessions (
    tenant           TEXT        NOT NULL,
    client_id        TEXT        NOT NULL,
    connection_id    TEXT        NOT NULL,
    broker           TEXT        NOT NULL,
    transport        TEXT        NOT NULL,
    protocol_version TEXT        NOT NULL,
    token_hash       TEXT,
    connected_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, client_id)
);

-- Operators look for sessions of a broker instance that ended without reporting them (see the docs).
CREATE INDEX sessions_broker_idx ON sessions (broker);

-- device_id: the device whose downlink the filter covers, '*' for every device of the session's token, NULL for a
-- filter that covers no downlink topic.
CREATE TABLE subscriptions (
    tenant       TEXT     NOT NULL,
    client_id    TEXT     NOT NULL,
    topic_filter TEXT     NOT NULL,
    qos          SMALLINT NOT NULL,
    device_id    TEXT,
    PRIMARY KEY (tenant, client_id, topic_filter),
    FOREIGN KEY (tenant, client_id) REFERENCES sessions (tenant, client_id) ON DELETE CASCADE
);
