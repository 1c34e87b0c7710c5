-- Account links: an advertiser asks, a creator approves, and every Spark-available post of the
-- creator is usable without codes until either side unlinks.
create table account_links (
    id              bigint primary key,
    advertiser_id   bigint      not null,
    link_code_hash  bytea       not null unique,
    permissions     text[]      not null check (cardinality(permissions) > 0),
    status          text        not null check (status in ('PENDING', 'ACTIVE', 'UNLINKED')),
    account_id      bigint,
    ads_only        boolean,
    created_at      timestamptz not null,
    expire_time     timestamptz not null,
    approved_at     timestamptz,
    unlinked_at     timestamptz,
    check (status = 'PENDING' or account_id is not null)
);
create unique index account_links_one_active on account_links (advertiser_id, account_id) where status = 'ACTIVE';
create index account_links_by_account on account_links (account_id) where status = 'ACTIVE';
create index account_links_by_advertiser on account_links (advertiser_id, created_at desc);
