-- The jobs of a SOGNO service (sogno-sdk-async-jdbc). Times are epoch milliseconds (UTC).
CREATE TABLE sogno_jobs (
  id                VARCHAR(64) PRIMARY KEY,
  status            VARCHAR(32) NOT NULL,
  kind              TEXT,
  owner             TEXT,
  idempotency_key   TEXT,
  idempotency_scope VARCHAR(64),
  fingerprint       TEXT,
  job_json          TEXT NOT NULL,
  cancel_requested  BOOLEAN NOT NULL DEFAULT FALSE,
  created_at        BIGINT NOT NULL,
  expires_at        BIGINT,
  result_body       BYTEA,
  result_media_type TEXT,
  request_body      BYTEA,
  attempts          INTEGER NOT NULL DEFAULT 0,
  lease_owner       TEXT,
  lease_until       BIGINT
);
-- owner + key (hashed): one live job per idempotency key and owner
CREATE UNIQUE INDEX sogno_jobs_idempotency ON sogno_jobs (idempotency_scope);
CREATE INDEX sogno_jobs_expiry ON sogno_jobs (expires_at);
CREATE INDEX sogno_jobs_claim ON sogno_jobs (status, created_at);
