-- The jobs of a SOGNO service (sogno-sdk-async-jdbc). Times are epoch milliseconds (UTC).
CREATE TABLE sogno_jobs (
  id                VARCHAR(64) PRIMARY KEY,
  status            VARCHAR(32) NOT NULL,
  kind              CHARACTER VARYING,
  owner             CHARACTER VARYING,
  idempotency_key   CHARACTER VARYING,
  idempotency_scope VARCHAR(64),
  fingerprint       CHARACTER VARYING,
  job_json          CHARACTER VARYING NOT NULL,
  cancel_requested  BOOLEAN NOT NULL DEFAULT FALSE,
  created_at        BIGINT NOT NULL,
  expires_at        BIGINT,
  result_body       BINARY VARYING,
  result_media_type CHARACTER VARYING,
  request_body      BINARY VARYING,
  attempts          INTEGER NOT NULL DEFAULT 0,
  lease_owner       CHARACTER VARYING,
  lease_until       BIGINT
);
-- owner + key (hashed): one live job per idempotency key and owner
CREATE UNIQUE INDEX sogno_jobs_idempotency ON sogno_jobs (idempotency_scope);
CREATE INDEX sogno_jobs_expiry ON sogno_jobs (expires_at);
CREATE INDEX sogno_jobs_claim ON sogno_jobs (status, created_at);
