-- Server-side RPC through ThingsBoard gateways (v1/gateway/rpc).

-- Which live gateway session carries which sub-device, from the io.thingbus.subdevice-event.v1 records on
-- thingbus.lifecycle.v1. Rows belong to the gateway's connection connection_id: a new connection of the gateway drops
-- them explicitly, the end of its session by the foreign key.
CREATE TABLE subdevice_connections (
    tenant        TEXT        NOT NULL,
    client_id     TEXT        NOT NULL,
    device_id     TEXT        NOT NULL,
    connection_id TEXT        NOT NULL,
    gateway_id    TEXT        NOT NULL,
    connected_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, client_id, device_id),
    FOREIGN KEY (tenant, client_id) REFERENCES sessions (tenant, client_id) ON DELETE CASCADE
);

CREATE INDEX subdevice_connections_device_idx ON subdevice_connections (tenant, device_id);

-- Devices some gateway announced (connected or disconnected) at least once: RPCs to them are held while no gateway
-- carries them; RPCs to any other device are refused (409).
CREATE TABLE gateway_devices (
    tenant        TEXT        NOT NULL,
    device_id     TEXT        NOT NULL,
    gateway_id    TEXT        NOT NULL,
    last_event_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, device_id)
);

-- The last RPC number given out per device; numbers are never reused.
CREATE TABLE rpc_sequences (
    tenant    TEXT   NOT NULL,
    device_id TEXT   NOT NULL,
    last_id   BIGINT NOT NULL,
    PRIMARY KEY (tenant, device_id)
);

-- One row per RPC. params and response are JSON text as sent / received. claimed_until: until when a dispatching
-- instance owns a queued RPC (NULL: nobody). reply_by: when a sent two-way RPC times out.
CREATE TABLE rpcs (
    tenant        TEXT        NOT NULL,
    device_id     TEXT        NOT NULL,
    rpc_id        BIGINT      NOT NULL,
    method        TEXT        NOT NULL,
    params        TEXT        NOT NULL,
    one_way       BOOLEAN     NOT NULL,
    timeout_ms    BIGINT      NOT NULL,
    status        TEXT        NOT NULL
        CHECK (status IN ('queued', 'sent', 'succeeded', 'failed', 'timed_out', 'expired')),
    created_at    TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    claimed_until TIMESTAMPTZ,
    gateway_id    TEXT,
    client_id     TEXT,
    sent_at       TIMESTAMPTZ,
    reply_by      TIMESTAMPTZ,
    response      TEXT,
    responded_at  TIMESTAMPTZ,
    completed_at  TIMESTAMPTZ,
    PRIMARY KEY (tenant, device_id, rpc_id)
);

CREATE INDEX rpcs_queued_idx ON rpcs (created_at) WHERE status = 'queued';
CREATE INDEX rpcs_queued_expiry_idx ON rpcs (expires_at) WHERE status = 'queued';
CREATE INDEX rpcs_reply_by_idx ON rpcs (reply_by) WHERE status = 'sent' AND NOT one_way;
CREATE INDEX rpcs_completed_idx ON rpcs (completed_at);
