-- The stream store: channels and their points. Runs on plain PostgreSQL; where the timescaledb extension is
-- available, points becomes a hypertable (see the DO block at the end). Same API and results either way.

CREATE TABLE channels (
    tenant      TEXT        NOT NULL,
    channel_id  TEXT        NOT NULL,
    device_id   TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, channel_id)
);

-- One row per point. tag is '' for points without a tag. record_id is the telemetry record's id (ce_id), or a
-- random UUID for points written over HTTP. raw holds the bytes of binary payloads ("values" shows their hex dump).
-- Every unique constraint includes time, as TimescaleDB requires of hypertables.
CREATE TABLE points (
    tenant      TEXT        NOT NULL,
    channel_id  TEXT        NOT NULL,
    tag         TEXT        NOT NULL DEFAULT '',
    time        TIMESTAMPTZ NOT NULL,
    record_id   TEXT        NOT NULL,
    "values"    JSONB       NOT NULL,
    raw         BYTEA,
    CONSTRAINT points_channel_time_record_key UNIQUE (channel_id, time, record_id)
);

-- Range reads of all tags of a channel, page by page in (time, record_id) order, and "last".
CREATE INDEX points_tenant_channel_time_idx ON points (tenant, channel_id, time, record_id);

-- The same reads restricted to one tag (X-TAGNAME).
CREATE INDEX points_tenant_channel_tag_time_idx ON points (tenant, channel_id, tag, time, record_id);

-- TimescaleDB when the server offers it. create_hypertable is called through EXECUTE so that plain PostgreSQL never
-- parses the function name; a server that lists the extension but cannot load it (not in
-- shared_preload_libraries) keeps the plain table.
DO $$
DECLARE
    extension_schema TEXT;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') THEN
        RAISE NOTICE 'timescaledb is not available: points stays a plain table';
        RETURN;
    END IF;
    BEGIN
        CREATE EXTENSION IF NOT EXISTS timescaledb;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'timescaledb cannot be enabled (%): points stays a plain table', SQLERRM;
        RETURN;
    END;
    SELECT n.nspname INTO extension_schema
      FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'timescaledb';
    EXECUTE format(
        'SELECT %I.create_hypertable(%L::regclass, %L, chunk_time_interval => INTERVAL %L, '
            || 'create_default_indexes => FALSE, if_not_exists => TRUE)',
        extension_schema, quote_ident(current_schema()) || '.points', 'time', '1 day');
END
$$;
