-- The owner of each sub-device. A device another user claimed away keeps talking through its former owner's gateway:
-- the row stays under the gateway's session (tenant, client_id), so the gateway's connection and session end still
-- drop it, and device_tenant names the user it belongs to now (the broker's device_tenant; the gateway's tenant when
-- the device is the gateway user's own). Only the owner sees the device (GET /session/devices reads by owner).
--
-- The primary key stays (tenant, client_id, device_id): a gateway names its devices by id alone, so one gateway session
-- carries at most one device of an id; announced again for another owner (claimed meanwhile), the row moves to it.

ALTER TABLE subdevices ADD COLUMN device_tenant TEXT;
UPDATE subdevices SET device_tenant = tenant;
ALTER TABLE subdevices ALTER COLUMN device_tenant SET NOT NULL;

-- The devices of one owner, whoever's gateway carries them.
DROP INDEX subdevices_device_idx;
CREATE INDEX subdevices_owner_device_idx ON subdevices (device_tenant, device_id);
