-- A claimed device keeps talking through its former owner's gateway: a gateway session of tenant A may carry a
-- sub-device that another user B owns (io.thingbus.subdevice-event.v1 with device_tenant = B).
--
-- A row stays the gateway's (tenant, client_id: its session, whose end drops the row by the foreign key) and now also
-- names the sub-device's owner, device_tenant. The primary key stays (tenant, client_id, device_id): a gateway names a
-- device once, and the broker resolves one owner per gateway owner and device id at a time, so the session carries
-- one device per id, owned by whoever the latest announcement named. A claim (owner A -> B) or a take-back (B -> A)
-- announced by the gateway moves the row to the new owner instead of leaving the old owner a route to the gateway.
ALTER TABLE subdevice_connections ADD COLUMN device_tenant TEXT;
UPDATE subdevice_connections SET device_tenant = tenant;
ALTER TABLE subdevice_connections ALTER COLUMN device_tenant SET NOT NULL;

-- RPC routes are looked up by the owner's device key.
DROP INDEX subdevice_connections_device_idx;
CREATE INDEX subdevice_connections_device_idx ON subdevice_connections (device_tenant, device_id);

COMMENT ON COLUMN subdevice_connections.tenant IS 'the gateway session''s tenant';
COMMENT ON COLUMN subdevice_connections.device_tenant IS 'the sub-device''s owner (equals tenant unless claimed away)';
-- gateway_devices keeps its key (tenant, device_id): the OWNER's device key, so a claimed device whose gateway is
-- offline counts as behind a gateway for its new owner (RPCs are held, not refused).
COMMENT ON COLUMN gateway_devices.tenant IS 'the sub-device''s owner';
