-- The registry side of the ThingsBoard gateway API: sub-device links, attributes, claiming.

-- The gateway a sub-device was last announced by (v1/gateway/connect), and whether it is still connected through it.
-- One row per sub-device: the latest link, kept after a disconnect so the last gateway and last-seen time stay known.
CREATE TABLE subdevice_links (
    user_id            TEXT        NOT NULL,
    device_id          TEXT        NOT NULL,
    gateway_id         TEXT        NOT NULL,
    gateway_client_id  TEXT        NOT NULL,
    connection_id      TEXT        NOT NULL,
    connected          BOOLEAN     NOT NULL,
    last_seen_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, device_id),
    FOREIGN KEY (user_id, device_id) REFERENCES devices (user_id, device_id) ON DELETE CASCADE
);
CREATE INDEX subdevice_links_by_gateway ON subdevice_links (user_id, gateway_id, device_id);
CREATE INDEX subdevice_links_by_session ON subdevice_links (user_id, gateway_client_id, connection_id)
    WHERE connected;

-- Client-side (reported by the device or its gateway) and shared (set by the user) attributes. The value is the JSON
-- text exactly as received, so numbers and the key order of nested objects are kept.
CREATE TABLE device_attributes (
    user_id     TEXT        NOT NULL,
    device_id   TEXT        NOT NULL,
    scope       TEXT        NOT NULL CHECK (scope IN ('client', 'shared')),
    attr_key    TEXT        NOT NULL,
    value       TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, device_id, scope, attr_key),
    FOREIGN KEY (user_id, device_id) REFERENCES devices (user_id, device_id) ON DELETE CASCADE
);

-- Open claiming windows (v1/gateway/claim): at most one per device; a newer request replaces it.
CREATE TABLE claim_windows (
    user_id      TEXT        NOT NULL,
    device_id    TEXT        NOT NULL,
    secret_hash  CHAR(64)    NOT NULL,
    opened_at    TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, device_id),
    FOREIGN KEY (user_id, device_id) REFERENCES devices (user_id, device_id) ON DELETE CASCADE
);
CREATE INDEX claim_windows_by_device ON claim_windows (device_id, secret_hash);

-- Devices another user claimed away from user_id: auto-provisioning of user_id must not bring them back.
CREATE TABLE claimed_away (
    user_id     TEXT        NOT NULL,
    device_id   TEXT        NOT NULL,
    claimed_by  TEXT        NOT NULL,
    claimed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, device_id)
);
