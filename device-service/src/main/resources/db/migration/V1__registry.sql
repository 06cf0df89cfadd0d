-- The registry of device-service, in schema "device".

CREATE TABLE users (
    id          TEXT        PRIMARY KEY,
    name        TEXT,
    email       TEXT,
    plan        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- Only the SHA-256 of an API key is stored; the key itself is shown once, when it is issued.
CREATE TABLE api_keys (
    key_hash    CHAR(64)    PRIMARY KEY,
    user_id     TEXT        NOT NULL REFERENCES users (id),
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX api_keys_by_user ON api_keys (user_id);

-- Device tokens are kept readable: the owner reads them back (GET /device shows a device's token).
CREATE TABLE device_tokens (
    token       TEXT        PRIMARY KEY,
    user_id     TEXT        NOT NULL REFERENCES users (id),
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX device_tokens_by_user ON device_tokens (user_id, created_at, token);

CREATE TABLE devices (
    user_id       TEXT        NOT NULL REFERENCES users (id),
    device_id     TEXT        NOT NULL,
    name          TEXT        NOT NULL,
    device_token  TEXT        REFERENCES device_tokens (token) ON DELETE SET NULL,
    provisioning  TEXT        NOT NULL CHECK (provisioning IN ('api', 'auto')),
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT      NOT NULL,
    PRIMARY KEY (user_id, device_id)
);
CREATE INDEX devices_by_token ON devices (device_token);

-- Transactional outbox: Kafka records written in the same transaction as the change they announce, published in id
-- order by the relay and deleted once Kafka acknowledged them.
CREATE TABLE outbox (
    id            BIGSERIAL   PRIMARY KEY,
    event_id      UUID        NOT NULL,
    topic         TEXT        NOT NULL,
    record_key    TEXT        NOT NULL,
    record_value  BYTEA,
    record_type   TEXT        NOT NULL,
    tenant        TEXT        NOT NULL,
    device_id     TEXT,
    created_at    TIMESTAMPTZ NOT NULL
);
