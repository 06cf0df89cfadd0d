-- Channels now come from two compacted topics, and telemetry is routed the way stream-service stores it.
--   devices:  the device registry (thingbus.devices.v1): the channel each device's entry names, its default channel,
--             and since when the device writes where it writes now (routed_at; silence of no-data rules is never
--             counted from before it).
--   channels: the channels stream-service announces (thingbus.channels.v1), user-created and default ones alike.
-- A device's telemetry goes to devices.channel_id when (tenant, channel_id) is in channels, else to
-- default_channel_id. A tenant's known channels are its channels plus the default channels of its devices.

CREATE TABLE devices (
    tenant              TEXT        NOT NULL,
    device_id           TEXT        NOT NULL,
    channel_id          TEXT        NOT NULL,
    default_channel_id  TEXT        NOT NULL,
    routed_at           TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, device_id)
);
CREATE INDEX devices_by_channel ON devices (tenant, channel_id);
CREATE INDEX devices_by_default_channel ON devices (tenant, default_channel_id);

CREATE TABLE channels (
    tenant      TEXT        NOT NULL,
    channel_id  TEXT        NOT NULL,
    device_id   TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, channel_id)
);

-- known_channels held each registered device with the channel its entry named; the default channel id is
-- ChannelId.defaultFor: 'C' + the first 20 hex digits of SHA-256 over <tenant> NUL <device> (UTF-8).
INSERT INTO devices (tenant, device_id, channel_id, default_channel_id, routed_at, updated_at)
SELECT tenant, device_id, channel_id,
       'C' || substr(encode(sha256(convert_to(tenant, 'UTF8') || '\x00'::bytea || convert_to(device_id, 'UTF8')),
                            'hex'), 1, 20),
       updated_at, updated_at
  FROM known_channels
    ON CONFLICT DO NOTHING;

DROP TABLE known_channels;
