-- Non-Spark ads show an uploaded video under a custom identity, so Spark and non-Spark can be
-- compared; pushed videos wait here until review publishes them as posts.
create table custom_identities (
    id             bigint primary key,
    advertiser_id  bigint      not null,
    display_name   text        not null check (length(display_name) between 1 and 40),
    avatar_url     text,
    created_at     timestamptz not null
);
create index custom_identities_by_advertiser on custom_identities (advertiser_id);

alter table ads add column video_id bigint;
alter table ads drop constraint ads_check;
alter table ads add constraint ads_creative_check
    check ((is_spark and (tiktok_item_id is not null or video_id is not null)) or (not is_spark and video_id is not null));
