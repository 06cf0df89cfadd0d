-- Gateway connections whose MQTT session ended (session-event "disconnected"). The broker writes a session's end and
-- the sub-device events of that session with different producers, so a sub-device "connected" can reach
-- device-service after the end of the connection it came over; such a connect is ignored instead of linking a device
-- as connected that nothing would disconnect again. Connection ids are unique per connection. Rows are deleted once
-- remembered longer than thingbus.subdevices.ended-connection-retention (by remembered_at, when device-service
-- learnt of the end, so a consumer replaying old records still has them); ended_at is the session end's own time.
CREATE TABLE ended_gateway_connections (
    gateway_user_id    TEXT        NOT NULL,
    gateway_client_id  TEXT        NOT NULL,
    connection_id      TEXT        NOT NULL,
    ended_at           TIMESTAMPTZ NOT NULL,
    remembered_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (gateway_user_id, gateway_client_id, connection_id)
);
CREATE INDEX ended_gateway_connections_by_age ON ended_gateway_connections (remembered_at);
