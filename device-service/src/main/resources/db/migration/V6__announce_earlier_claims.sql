-- Claims made before thingbus.device-claims.v1 existed: claimed_away (V3) has rows that were never announced there,
-- so the broker would keep writing what the former owner's gateway sends for such a device under the former owner.
-- Append one DeviceClaimRecord per claimed-away device to the outbox, row for row as
-- OutboxMessages.deviceClaimedAway writes it (the relay derives the CloudEvents headers from these columns):
--   topic thingbus.device-claims.v1, key "<former owner>/<device id>", type io.thingbus.device-claim.v1,
--   tenant = the former owner, device_id, created_at (ce_time) = claimed_at, a fresh event id, and the value as
--   DeviceClaimRecord.CODEC encodes it: {"tenant":…,"device_id":…,"claimed_by":…,"claimed_at":…} without blanks,
--   claimed_at as Instant.toString (UTC, fraction of 0, 3 or 6 digits).
-- to_json escapes strings as Jackson does for what ids may hold (no control characters in ids). Claims made since the
-- topic exists are announced again: harmless, the topic is compacted and the record is the same.
INSERT INTO outbox (event_id, topic, record_key, record_value, record_type, tenant, device_id, created_at)
SELECT gen_random_uuid(),
       'thingbus.device-claims.v1',
       c.user_id || '/' || c.device_id,
       convert_to('{"tenant":' || to_json(c.user_id)::text
                      || ',"device_id":' || to_json(c.device_id)::text
                      || ',"claimed_by":' || to_json(c.claimed_by)::text
                      || ',"claimed_at":"' || to_char(t.utc, 'YYYY-MM-DD"T"HH24:MI:SS')
                      || CASE
                             WHEN to_char(t.utc, 'US') = '000000' THEN ''
                             WHEN to_char(t.utc, 'US') LIKE '%000' THEN '.' || to_char(t.utc, 'MS')
                             ELSE '.' || to_char(t.utc, 'US')
                         END
                      || 'Z"}',
                  'UTF8'),
       'io.thingbus.device-claim.v1',
       c.user_id,
       c.device_id,
       c.claimed_at
FROM claimed_away c
CROSS JOIN LATERAL (SELECT c.claimed_at AT TIME ZONE 'UTC' AS utc) t
ORDER BY c.claimed_at, c.user_id, c.device_id;
