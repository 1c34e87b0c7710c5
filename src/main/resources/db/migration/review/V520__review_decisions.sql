-- Every decision taken on a review, kept when the ad is submitted again (the review row is then
-- reset to PENDING). The ad's and advertiser's names are the ones at the time of the decision, so
-- the history can be searched by them without reading other modules' tables.
create table review_decisions (
    id               bigint primary key,
    review_id        bigint      not null references reviews (id),
    ad_id            bigint      not null,
    advertiser_id    bigint      not null,
    ad_name          text,
    advertiser_name  text,
    decision         text        not null check (decision in ('APPROVED', 'REJECTED')),
    reason           text,
    decided_at       timestamptz not null,
    decided_by       text        not null,
    automatic        boolean     not null,
    check (decision <> 'REJECTED' or length(reason) > 0)
);
create index review_decisions_newest on review_decisions (decided_at desc, id desc);

-- The decisions taken before this table existed; their names are filled in at start-up.
insert into review_decisions (id, review_id, ad_id, advertiser_id, decision, reason, decided_at, decided_by, automatic)
select id, id, ad_id, advertiser_id, status, reason, decided_at, coalesce(decided_by, 'unknown'),
       coalesce(decided_by = 'automatic checks', false)
from reviews
where status <> 'PENDING' and decided_at is not null;
