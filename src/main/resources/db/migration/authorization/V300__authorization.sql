-- Whether a post's creator has ad authorization turned on.
create table post_ad_authorizations (
    item_id     bigint primary key,
    account_id  bigint      not null,
    enabled     boolean     not null,
    changed_at  timestamptz not null
);

-- Authorization codes: random, at least 128 bits, stored only as a SHA-256 hash.
create table spark_codes (
    id               bigint primary key,
    item_id          bigint      not null,
    account_id       bigint      not null,
    code_hash        bytea       not null unique,
    status           text        not null check (status in ('NOT_USED', 'IN_USE', 'EXPIRED', 'REVOKED')),
    auth_start_time  timestamptz not null,
    auth_end_time    timestamptz not null check (auth_end_time > auth_start_time),
    created_at       timestamptz not null,
    revoked_at       timestamptz
);
create index spark_codes_by_item on spark_codes (item_id);

-- A post in an ad account's creative library (Tools > Creative library > Spark Ad posts).
create table post_bindings (
    id             bigint primary key,
    advertiser_id  bigint      not null,
    item_id        bigint      not null,
    account_id     bigint      not null,
    code_id        bigint      not null references spark_codes (id),
    bound_at       timestamptz not null,
    unbound_at     timestamptz
);
create unique index post_bindings_active on post_bindings (advertiser_id, item_id) where unbound_at is null;
create index post_bindings_by_item on post_bindings (item_id) where unbound_at is null;
