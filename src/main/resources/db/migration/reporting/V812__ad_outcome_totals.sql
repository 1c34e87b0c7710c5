-- Every ad's lifetime totals, one row per ad: what delivery learns each ad's rates from, read every
-- few seconds by every server. Kept in the transaction that accepts the events, like the daily
-- rollups it sums. changed_xid is the transaction that last added to the row: a reader that noted
-- the oldest transaction still running when it last read (pg_snapshot_xmin) asks only for rows
-- changed by that one or later, and so misses no commit, however long a transaction ran.
create table ad_outcome_totals (
    ad_id               bigint         not null primary key,
    advertiser_id       bigint         not null,
    campaign_id         bigint         not null,
    adgroup_id          bigint         not null,
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
    changed_xid         xid8           not null default pg_current_xact_id()
);
create index ad_outcome_totals_by_change on ad_outcome_totals (changed_xid);

insert into ad_outcome_totals (ad_id, advertiser_id, campaign_id, adgroup_id, spark, impressions, clicks, video_plays, video_watched_2s, video_watched_6s, video_views_p25, video_views_p50, video_views_p75, video_views_p100, likes, comments, shares, follows, profile_visits, landing_page_views, conversions, spend)
select ad_id, min(advertiser_id), min(campaign_id), min(adgroup_id), bool_or(spark), sum(impressions), sum(clicks), sum(video_plays), sum(video_watched_2s), sum(video_watched_6s), sum(video_views_p25), sum(video_views_p50), sum(video_views_p75), sum(video_views_p100), sum(likes), sum(comments), sum(shares), sum(follows), sum(profile_visits), sum(landing_page_views), sum(conversions), sum(spend)
from daily_ad_rollups
group by ad_id;
