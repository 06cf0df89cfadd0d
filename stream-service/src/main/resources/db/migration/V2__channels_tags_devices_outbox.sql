-- Channels become resources of their own (ThingScale's Channel service): a name, a version for optimistic
-- concurrency (ETag / If-Match), their known tags. Devices from the registry topic say which channel a device's
-- telemetry goes to. Every channel change is announced on Kafka through the outbox.

ALTER TABLE channels
    ADD COLUMN name       TEXT,
    ADD COLUMN version    BIGINT      NOT NULL DEFAULT 1,
    ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE channels SET name = channel_id, updated_at = created_at;
ALTER TABLE channels
    ALTER COLUMN name SET NOT NULL,
    ALTER COLUMN updated_at SET NOT NULL,
    ALTER COLUMN updated_at SET DEFAULT now();

-- The tags known in a channel: declared with X-TAGNAME or seen on a point.
CREATE TABLE channel_tags (
    tenant      TEXT        NOT NULL,
    channel_id  TEXT        NOT NULL,
    tag         TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, channel_id, tag)
);
INSERT INTO channel_tags (tenant, channel_id, tag)
SELECT DISTINCT tenant, channel_id, tag FROM points WHERE tag <> '';

-- The device registry as far as this service needs it, materialised from the compacted devices topic: the channel
-- the registry names for each device. A device not listed here stores into its default channel.
CREATE TABLE devices (
    tenant      TEXT        NOT NULL,
    device_id   TEXT        NOT NULL,
    channel_id  TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, device_id)
);

-- Channel records waiting to be published to the channels topic, written in the transaction of the change they
-- announce. record_value is null for a tombstone (channel deleted). The relay publishes in id order and deletes
-- each row once Kafka has acknowledged it.
CREATE TABLE outbox (
    id           BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     UUID        NOT NULL,
    tenant       TEXT        NOT NULL,
    record_key   TEXT        NOT NULL,
    record_value BYTEA,
    created_at   TIMESTAMPTZ NOT NULL
);

-- Channels that existed before this migration have never been announced: the service announces them once at start-up
-- and empties this table.
CREATE TABLE channel_announcements (
    tenant      TEXT NOT NULL,
    channel_id  TEXT NOT NULL,
    PRIMARY KEY (tenant, channel_id)
);
INSERT INTO channel_announcements (tenant, channel_id) SELECT tenant, channel_id FROM channels;

-- Channel ids are chosen per tenant now (before, every id was derived from tenant and device), so a point's identity
-- includes the tenant. The unique index also serves range reads, paging and "last" (it replaces the plain index on
-- the same columns). It includes time, as TimescaleDB requires of hypertables.
CREATE UNIQUE INDEX points_identity_idx ON points (tenant, channel_id, time, record_id);
ALTER TABLE points DROP CONSTRAINT points_channel_time_record_key;
DROP INDEX points_tenant_channel_time_idx;
