-- Failed authorization-code attempts, counted by every server against the same limits: one row per
-- failure and bucket ('advertiser:<id>' or 'address:<client address>'); rows older than the window
-- are deleted by a scheduled job.
create table code_attempt_failures (
    bucket     text        not null,
    failed_at  timestamptz not null
);
create index code_attempt_failures_bucket on code_attempt_failures (bucket, failed_at);
create index code_attempt_failures_time on code_attempt_failures (failed_at);
