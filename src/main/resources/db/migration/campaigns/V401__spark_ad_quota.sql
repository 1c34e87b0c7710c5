-- Non-deleted Spark Ads per ad account, counted in one row so concurrent creations cannot pass the
-- limit: each creation moves the count under the row's lock, and only while it stays in bounds.
create table spark_ad_quota (
    advertiser_id  bigint  primary key,
    spark_ads      integer not null check (spark_ads >= 0)
);
