create table reviews (
    id             bigint primary key,
    ad_id          bigint      not null unique,
    advertiser_id  bigint      not null,
    status         text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    reason         text,
    submitted_at   timestamptz not null,
    decided_at     timestamptz,
    decided_by     text,
    check (status <> 'REJECTED' or length(reason) > 0)
);
create index reviews_pending on reviews (submitted_at) where status = 'PENDING';
