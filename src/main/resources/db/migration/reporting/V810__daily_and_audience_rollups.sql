-- Coarser rollups for reports that read days, not hours: per ad, ad group, campaign and ad account
-- and day in the ad account's time zone. They are kept in the transaction that accepts the events,
-- like hourly_rollups, so they always agree with it.
-- An ad account's time zone does not change after it is created, so a day row stays right.
create table daily_ad_rollups (
    ad_id               bigint         not null,
    day                 date           not null,
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
    primary key (ad_id, day)
);
create index daily_ad_rollups_by_advertiser on daily_ad_rollups (advertiser_id, day);
-- A page in id (and day) order sums only its own rows, read in that order from the index.
create index daily_ad_rollups_by_advertiser_ad on daily_ad_rollups (advertiser_id, ad_id, day);

-- An ad group or a campaign can hold Spark and non-Spark ads: one row for each kind.
create table daily_adgroup_rollups (
    adgroup_id          bigint         not null,
    day                 date           not null,
    spark               boolean        not null,
    advertiser_id       bigint         not null,
    campaign_id         bigint         not null,
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
    primary key (adgroup_id, day, spark)
);
create index daily_adgroup_rollups_by_advertiser on daily_adgroup_rollups (advertiser_id, day);
create index daily_adgroup_rollups_by_advertiser_adgroup
    on daily_adgroup_rollups (advertiser_id, adgroup_id, day);

create table daily_campaign_rollups (
    campaign_id         bigint         not null,
    day                 date           not null,
    spark               boolean        not null,
    advertiser_id       bigint         not null,
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
    primary key (campaign_id, day, spark)
);
create index daily_campaign_rollups_by_advertiser on daily_campaign_rollups (advertiser_id, day);
create index daily_campaign_rollups_by_advertiser_campaign
    on daily_campaign_rollups (advertiser_id, campaign_id, day);

-- One row per ad account, day and kind of ad: the account's reports by day read 2 rows a day.
-- Every batch of the account's events updates it, so the intake writes it last, just before commit.
create table daily_advertiser_rollups (
    advertiser_id       bigint         not null,
    day                 date           not null,
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
    primary key (advertiser_id, day, spark)
);

-- Paid metrics by the audience of the ad request that served the impression. An attribute the
-- request did not give is 'NONE', so that the rows still add up to the ad's totals.
create table audience_daily_rollups (
    ad_id               bigint         not null,
    day                 date           not null,
    placement           text           not null,
    age                 text           not null,
    gender              text           not null,
    country_code        text           not null,
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
    primary key (ad_id, day, placement, age, gender, country_code)
);
create index audience_daily_rollups_by_advertiser on audience_daily_rollups (advertiser_id, day);

-- Who saw an ad in an hour, for reach (distinct viewers over any range and grouping). The key is
-- 64 bits of SHA-256 of the viewer id (or of the impression id when the viewer is not named).
create table reach_viewers (
    ad_id               bigint         not null,
    hour                timestamptz    not null,
    viewer_key          bigint         not null,
    advertiser_id       bigint         not null,
    campaign_id         bigint         not null,
    adgroup_id          bigint         not null,
    spark               boolean        not null,
    primary key (ad_id, hour, viewer_key)
);
create index reach_viewers_by_advertiser on reach_viewers (advertiser_id, hour);

-- Existing hourly rows, folded once into the day of their ad account's time zone. This one-off
-- read of the accounts module's table is the only place reporting's schema looks at it.
insert into daily_ad_rollups (ad_id, day, advertiser_id, campaign_id, adgroup_id, spark, impressions, clicks, video_plays, video_watched_2s, video_watched_6s, video_views_p25, video_views_p50, video_views_p75, video_views_p100, likes, comments, shares, follows, profile_visits, landing_page_views, conversions, spend)
select r.ad_id, (r.hour at time zone a.timezone)::date, min(r.advertiser_id), min(r.campaign_id),
       min(r.adgroup_id), bool_or(r.spark), sum(r.impressions), sum(r.clicks), sum(r.video_plays), sum(r.video_watched_2s), sum(r.video_watched_6s), sum(r.video_views_p25), sum(r.video_views_p50), sum(r.video_views_p75), sum(r.video_views_p100), sum(r.likes), sum(r.comments), sum(r.shares), sum(r.follows), sum(r.profile_visits), sum(r.landing_page_views), sum(r.conversions), sum(r.spend)
from hourly_rollups r join advertisers a on a.id = r.advertiser_id
group by r.ad_id, (r.hour at time zone a.timezone)::date;
insert into daily_adgroup_rollups (adgroup_id, day, spark, advertiser_id, campaign_id, impressions, clicks, video_plays, video_watched_2s, video_watched_6s, video_views_p25, video_views_p50, video_views_p75, video_views_p100, likes, comments, shares, follows, profile_visits, landing_page_views, conversions, spend)
select adgroup_id, day, spark, min(advertiser_id), min(campaign_id), sum(impressions), sum(clicks), sum(video_plays), sum(video_watched_2s), sum(video_watched_6s), sum(video_views_p25), sum(video_views_p50), sum(video_views_p75), sum(video_views_p100), sum(likes), sum(comments), sum(shares), sum(follows), sum(profile_visits), sum(landing_page_views), sum(conversions), sum(spend)
from daily_ad_rollups group by adgroup_id, day, spark;
insert into daily_campaign_rollups (campaign_id, day, spark, advertiser_id, impressions, clicks, video_plays, video_watched_2s, video_watched_6s, video_views_p25, video_views_p50, video_views_p75, video_views_p100, likes, comments, shares, follows, profile_visits, landing_page_views, conversions, spend)
select campaign_id, day, spark, min(advertiser_id), sum(impressions), sum(clicks), sum(video_plays), sum(video_watched_2s), sum(video_watched_6s), sum(video_views_p25), sum(video_views_p50), sum(video_views_p75), sum(video_views_p100), sum(likes), sum(comments), sum(shares), sum(follows), sum(profile_visits), sum(landing_page_views), sum(conversions), sum(spend)
from daily_ad_rollups group by campaign_id, day, spark;
insert into daily_advertiser_rollups (advertiser_id, day, spark, impressions, clicks, video_plays, video_watched_2s, video_watched_6s, video_views_p25, video_views_p50, video_views_p75, video_views_p100, likes, comments, shares, follows, profile_visits, landing_page_views, conversions, spend)
select advertiser_id, day, spark, sum(impressions), sum(clicks), sum(video_plays), sum(video_watched_2s), sum(video_watched_6s), sum(video_views_p25), sum(video_views_p50), sum(video_views_p75), sum(video_views_p100), sum(likes), sum(comments), sum(shares), sum(follows), sum(profile_visits), sum(landing_page_views), sum(conversions), sum(spend)
from daily_ad_rollups group by advertiser_id, day, spark;
-- Their audience is unknown: NONE, so that audience rows still add up to the totals.
insert into audience_daily_rollups (ad_id, day, placement, age, gender, country_code, advertiser_id,
                                    campaign_id, adgroup_id, spark, impressions, clicks, video_plays, video_watched_2s, video_watched_6s, video_views_p25, video_views_p50, video_views_p75, video_views_p100, likes, comments, shares, follows, profile_visits, landing_page_views, conversions, spend)
select ad_id, day, 'NONE', 'NONE', 'NONE', 'NONE', advertiser_id, campaign_id, adgroup_id, spark, impressions, clicks, video_plays, video_watched_2s, video_watched_6s, video_views_p25, video_views_p50, video_views_p75, video_views_p100, likes, comments, shares, follows, profile_visits, landing_page_views, conversions, spend
from daily_ad_rollups;
