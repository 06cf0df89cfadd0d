-- Where a device's telemetry goes: the channels of every tenant (owned by stream-service, materialised from
-- thingbus.channels.v1) and the channel a user chose for a device.

-- Only what the registry needs of a channel: which device it is associated with. A tombstone deletes the row.
CREATE TABLE channels (
    user_id     TEXT NOT NULL,
    channel_id  TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    PRIMARY KEY (user_id, channel_id)
);
CREATE INDEX channels_by_device ON channels (user_id, device_id, channel_id);

-- The channel chosen for the device's telemetry; NULL = the device's default channel (ChannelId.defaultFor). It must
-- be one of the tenant's channels: a channel is deleted only after the devices that chose it went back to NULL.
ALTER TABLE devices ADD COLUMN channel_id TEXT;
ALTER TABLE devices ADD CONSTRAINT devices_channel_fk
    FOREIGN KEY (user_id, channel_id) REFERENCES channels (user_id, channel_id);
CREATE INDEX devices_by_channel ON devices (user_id, channel_id) WHERE channel_id IS NOT NULL;
