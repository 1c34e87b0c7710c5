-- The key that signs impression ids, made once so ids stay valid across restarts and servers.
create table impression_signing_keys (
    id          smallint primary key check (id = 1),
    secret      bytea       not null check (length(secret) >= 32),
    created_at  timestamptz not null
);
