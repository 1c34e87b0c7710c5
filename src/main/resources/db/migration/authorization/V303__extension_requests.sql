-- An advertiser asks the creator to extend an authorization that is about to expire.
create table extension_requests (
    id             bigint primary key,
    advertiser_id  bigint      not null,
    item_id        bigint      not null,
    account_id     bigint      not null,
    code_id        bigint      not null references spark_codes (id),
    status         text        not null check (status in ('PENDING', 'APPROVED', 'DECLINED')),
    message        text,
    requested_at   timestamptz not null,
    decided_at     timestamptz,
    days           integer
);
create unique index extension_requests_one_pending on extension_requests (advertiser_id, item_id) where status = 'PENDING';
create index extension_requests_by_item on extension_requests (item_id, requested_at desc);
