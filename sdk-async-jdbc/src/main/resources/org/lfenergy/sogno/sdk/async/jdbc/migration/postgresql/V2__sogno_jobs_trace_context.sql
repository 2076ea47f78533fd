-- The W3C trace context of the request that submitted a job (traceparent[;tracestate]), so that its
-- run links to that request after a restart or on another replica. Null without tracing.
ALTER TABLE sogno_jobs ADD COLUMN trace_context TEXT;
