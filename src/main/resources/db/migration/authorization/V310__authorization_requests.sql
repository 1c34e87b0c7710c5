-- An advertiser asks a post's creator for ad authorization; on accept the post joins the ad
-- account's library at once, through a code that no one ever sees (code_id).
create table authorization_requests (
    id             bigint primary key,
    advertiser_id  bigint      not null,
    item_id        bigint      not null,
    account_id     bigint      not null,
    status         text        not null check (status in ('PENDING', 'ACCEPTED', 'DECLINED')),
    message        text        check (length(message) <= 500),
    requested_at   timestamptz not null,
    decided_at     timestamptz,
    days           integer,
    code_id        bigint      references spark_codes (id)
);
create unique index authorization_requests_one_pending on authorization_requests (advertiser_id, item_id) where status = 'PENDING';
create index authorization_requests_by_account on authorization_requests (account_id, requested_at desc);
create index authorization_requests_by_advertiser on authorization_requests (advertiser_id, requested_at desc);
