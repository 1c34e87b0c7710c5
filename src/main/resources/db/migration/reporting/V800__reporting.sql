-- Paid metrics per ad and UTC hour, folded from the event log in the same transaction that
-- accepts the events, so a report never counts an event twice or misses one.
create table hourly_rollups (
    ad_id               bigint         not null,
    hour                timestamptz    not null,
    advertiser_id       bigint         not null,
    campaign_id         bigint         not null,
    adgroup_id          bigint         not null,
    item_id             bigint,
    spark               boolean        not null,
    impressions         bigint         not null default 0,
    clicks              bigint         not null default 0,
    video_plays         bigint         not null default 0,
    video_watched_2s    bigint         not null default 0,
    video_watched_6s    bigint         not null default 0,
    video_views_p25     bigint         not null default 0,
    video_views_p50     bigint         not null default 0,
    video_views_p75     bigint         not null default 0,
    video_views_p100    bigint         not null default 0,
    likes               bigint         not null default 0,
    comments            bigint         not null default 0,
    shares              bigint         not null default 0,
    follows             bigint         not null default 0,
    profile_visits      bigint         not null default 0,
    landing_page_views  bigint         not null default 0,
    conversions         bigint         not null default 0,
    spend               numeric(20, 7) not null default 0,
    primary key (ad_id, hour),
    check (extract(minute from hour) = 0 and extract(second from hour) = 0)
);
create index hourly_rollups_by_advertiser on hourly_rollups (advertiser_id, hour);
