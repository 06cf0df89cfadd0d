-- The rules ("events") of event-service, their evaluation state, alerts and queued notifications; schema "event".

-- The channels that exist, materialised from the compacted topic thingbus.devices.v1 (each device's default channel).
CREATE TABLE known_channels (
    tenant      TEXT        NOT NULL,
    channel_id  TEXT        NOT NULL,
    device_id   TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, channel_id)
);
CREATE INDEX known_channels_by_device ON known_channels (tenant, device_id);

-- One row per rule: its definition (columns up to updated_at) and the state of its evaluation (the rest).
CREATE TABLE rules (
    event_id            TEXT        PRIMARY KEY,
    tenant              TEXT        NOT NULL,
    name                TEXT        NOT NULL,
    channel_id          TEXT        NOT NULL,
    device_id           TEXT        NOT NULL,
    tag                 TEXT,
    kind                TEXT        NOT NULL CHECK (kind IN ('threshold', 'no_data')),
    field               TEXT,
    operator            TEXT,
    threshold           NUMERIC,
    low                 NUMERIC,
    high                NUMERIC,
    no_data_minutes     NUMERIC,
    no_data_ms          BIGINT,
    hysteresis          NUMERIC     NOT NULL,
    min_interval_ms     BIGINT      NOT NULL,
    emails              TEXT[]      NOT NULL,
    webhook_url         TEXT,
    webhook_secret      TEXT        NOT NULL,
    enabled             BOOLEAN     NOT NULL,
    version             BIGINT      NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    armed               BOOLEAN     NOT NULL,
    active_since        TIMESTAMPTZ NOT NULL,
    -- Values are kept as text: telemetry numbers can be larger or finer than NUMERIC holds.
    last_value          TEXT,
    last_point_at       TIMESTAMPTZ,
    last_fired_at       TIMESTAMPTZ,
    position_partition  INTEGER,
    position_offset     BIGINT
);
CREATE INDEX rules_by_tenant ON rules (tenant, created_at, event_id);
CREATE INDEX rules_by_channel ON rules (tenant, channel_id) WHERE enabled;
CREATE INDEX rules_watching_silence ON rules (event_id) WHERE kind = 'no_data' AND enabled AND armed;

-- Firings, with a copy of the condition at that moment.
CREATE TABLE alerts (
    alert_id         UUID        PRIMARY KEY,
    event_id         TEXT        NOT NULL REFERENCES rules (event_id) ON DELETE CASCADE,
    event_name       TEXT        NOT NULL,
    tenant           TEXT        NOT NULL,
    device_id        TEXT        NOT NULL,
    channel_id       TEXT        NOT NULL,
    tag              TEXT,
    kind             TEXT        NOT NULL,
    field            TEXT,
    operator         TEXT,
    threshold        NUMERIC,
    low              NUMERIC,
    high             NUMERIC,
    no_data_minutes  NUMERIC,
    value            TEXT,
    value_time       TIMESTAMPTZ,
    fired_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX alerts_by_rule ON alerts (event_id, fired_at DESC, alert_id);
CREATE INDEX alerts_by_time ON alerts (fired_at);

-- The notification queue (an outbox): written with the alert, sent by the workers, kept as the outcome.
CREATE TABLE notifications (
    notification_id  UUID        PRIMARY KEY,
    alert_id         UUID        NOT NULL REFERENCES alerts (alert_id) ON DELETE CASCADE,
    seq              INTEGER     NOT NULL,
    channel          TEXT        NOT NULL CHECK (channel IN ('email', 'webhook')),
    target           TEXT        NOT NULL,
    subject          TEXT,
    body             TEXT        NOT NULL,
    signature        TEXT,
    status           TEXT        NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts         INTEGER     NOT NULL,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    last_error       TEXT,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX notifications_by_alert ON notifications (alert_id, seq);
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status = 'pending';

-- Alert records for thingbus.alerts.v1, published in id order by the relay and deleted once Kafka acknowledged them.
CREATE TABLE alert_outbox (
    id            BIGSERIAL   PRIMARY KEY,
    record_id     UUID        NOT NULL,
    record_key    TEXT        NOT NULL,
    record_value  BYTEA       NOT NULL,
    tenant        TEXT        NOT NULL,
    device_id     TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
