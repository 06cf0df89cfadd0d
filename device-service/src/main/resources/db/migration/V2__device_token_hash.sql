-- Telemetry names the token a device published under by its SHA-256 (tokens never travel over Kafka); keep the
-- hash beside the token so auto-provisioning can find the token a new device actually uses.
ALTER TABLE device_tokens ADD COLUMN token_hash TEXT;
UPDATE device_tokens SET token_hash = encode(sha256(convert_to(token, 'UTF8')), 'hex');
ALTER TABLE device_tokens ALTER COLUMN token_hash SET NOT NULL;
CREATE UNIQUE INDEX device_tokens_by_hash ON device_tokens (token_hash);
