-- A device another user claimed away keeps talking through its former owner's gateway: the sub-device link belongs to
-- the device's owner (user_id) while the gateway session that carries it is the former owner's. gateway_user_id is
-- the gateway's owner; until now it was always the device's owner. The end of a gateway session (gateway_user_id,
-- gateway_client_id, connection_id) disconnects every link it carries, whoever owns the device.
ALTER TABLE subdevice_links ADD COLUMN gateway_user_id TEXT;
UPDATE subdevice_links SET gateway_user_id = user_id;
ALTER TABLE subdevice_links ALTER COLUMN gateway_user_id SET NOT NULL;

DROP INDEX subdevice_links_by_session;
CREATE INDEX subdevice_links_by_session ON subdevice_links (gateway_user_id, gateway_client_id, connection_id)
    WHERE connected;
