-- RPC answers must never complete another tenant's RPC.
--
-- A ThingsBoard gateway names a sub-device by its id only and echoes the RPC's number. When user B claims a device
-- that user A's gateway carries, the broker files everything the gateway sends for the device under B from then on,
-- also the answer to an RPC of A the gateway received before the claim. With numbers counted per tenant and device,
-- that answer named B's RPC of the same number and completed it with A's response.

-- 1. RPC numbers count per device id across all tenants: one tenant's RPC #N and another's never name the same device
-- id. Each device id continues after the highest number any tenant gave out for it, so numbers stay small (gateways
-- often parse them as 32-bit integers) and are never reused. Instances of the previous version cannot create RPCs
-- after this migration (their INSERT names the dropped tenant column): they answer 503 until replaced, rather than
-- hand out numbers another tenant has.
CREATE TABLE rpc_device_sequences (
    device_id TEXT   NOT NULL,
    last_id   BIGINT NOT NULL,
    CONSTRAINT rpc_device_sequences_pkey PRIMARY KEY (device_id)
);

INSERT INTO rpc_device_sequences (device_id, last_id)
SELECT device_id, max(last_id)
FROM (SELECT device_id, last_id FROM rpc_sequences UNION ALL SELECT device_id, rpc_id FROM rpcs) AS given
GROUP BY device_id;

DROP TABLE rpc_sequences;
ALTER TABLE rpc_device_sequences RENAME TO rpc_sequences;
ALTER TABLE rpc_sequences RENAME CONSTRAINT rpc_device_sequences_pkey TO rpc_sequences_pkey;

COMMENT ON TABLE rpc_sequences IS 'the last RPC number given out per device id, across all tenants';

-- 2. Only the gateway an RPC was handed to can answer it. dispatched_to is written before the RPC's downlink is
-- (gateway_id only once Kafka acknowledged it), so an answer that overtakes that acknowledgement still counts; an RPC
-- held for an offline gateway has none, and no answer completes it.
ALTER TABLE rpcs ADD COLUMN dispatched_to TEXT;
UPDATE rpcs SET dispatched_to = gateway_id WHERE gateway_id IS NOT NULL;

COMMENT ON COLUMN rpcs.dispatched_to IS 'the gateway (device id) the RPC was last handed to; only its answer counts';
