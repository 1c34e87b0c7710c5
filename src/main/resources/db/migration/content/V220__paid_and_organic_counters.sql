-- Paid engagement on a Spark ad is credited to the post it shows, kept apart from the organic
-- counters: the post's public likes, comments, shares and follows add both, its public views are
-- organic views only. Organic follows and profile visits count toward the post too.
alter table posts
    add column organic_follows         bigint not null default 0,
    add column organic_profile_visits  bigint not null default 0,
    add column paid_views              bigint not null default 0,
    add column paid_likes              bigint not null default 0,
    add column paid_comments           bigint not null default 0,
    add column paid_shares             bigint not null default 0,
    add column paid_follows            bigint not null default 0,
    add column paid_profile_visits     bigint not null default 0;
