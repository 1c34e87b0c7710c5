-- The host app's feed pages through public posts newest first (PublicFeed, GET /platform/v1/feed).
create index posts_public_feed on posts (created_at desc, id desc)
    where deleted_at is null and visibility = 'PUBLIC' and not ads_only;
