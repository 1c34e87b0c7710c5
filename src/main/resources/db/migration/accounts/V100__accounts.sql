create table advertisers (
    id          bigint primary key,
    name        text        not null check (length(name) between 1 and 200),
    currency    char(3)     not null,
    timezone    text        not null,
    status      text        not null default 'STATUS_ENABLE',
    created_at  timestamptz not null
);

create table users (
    id                 bigint primary key,
    username           text        not null unique,
    password_hash      text        not null,
    role               text        not null check (role in ('ADMIN', 'REVIEWER', 'ADVERTISER', 'CREATOR')),
    advertiser_id      bigint references advertisers (id),
    creator_account_id bigint,
    created_at         timestamptz not null,
    check (role <> 'ADVERTISER' or advertiser_id is not null),
    check (role <> 'CREATOR' or creator_account_id is not null)
);

-- Tokens are stored as SHA-256 hashes; the token itself is shown once, when issued.
create table access_tokens (
    id          bigint primary key,
    token_hash  bytea       not null unique,
    kind        text        not null check (kind in ('BUSINESS', 'PLATFORM', 'ADMIN')),
    created_at  timestamptz not null,
    revoked_at  timestamptz
);

create table access_token_advertisers (
    token_id      bigint not null references access_tokens (id),
    advertiser_id bigint not null references advertisers (id),
    primary key (token_id, advertiser_id)
);
