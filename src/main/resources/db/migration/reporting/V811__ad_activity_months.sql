-- Which days of a month (in the ad account's time zone) each ad had paid traffic: bit d-1 of days
-- is day d. An ad-level report counts "ads with traffic in [from, to]" (page_info.total_number)
-- and picks its page of ads from these ~3 rows per ad and quarter, instead of reading every
-- ad-day of the range from daily_ad_rollups. Kept in the intake transaction with the rollups; a
-- row is written only when a batch sets a new bit. An ad's campaign, ad group and kind never
-- change, so they are kept here for the report filters.
create table ad_activity_months (
    advertiser_id       bigint  not null,
    ad_id               bigint  not null,
    month               date    not null,
    campaign_id         bigint  not null,
    adgroup_id          bigint  not null,
    spark               boolean not null,
    days                integer not null,
    primary key (advertiser_id, ad_id, month)
);

insert into ad_activity_months (advertiser_id, ad_id, month, campaign_id, adgroup_id, spark, days)
select advertiser_id, ad_id, date_trunc('month', day)::date, min(campaign_id), min(adgroup_id),
       bool_or(spark), bit_or(1 << (extract(day from day)::int - 1))
from daily_ad_rollups
group by advertiser_id, ad_id, date_trunc('month', day)::date;
