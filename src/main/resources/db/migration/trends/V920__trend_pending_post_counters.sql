-- The queue now also feeds the posts' organic counters and days: TrendFolder adds every queued event
-- with on_post to its post's organic counters and days, and the first four counters to the trend
-- tables, in the transaction that deletes it, so intake writes one queue row per event and never
-- locks a post's row. It also carries the events only a post counts (plays watched to the end,
-- follows, profile visits).
-- counter: PostEngagement.Counter's ordinal (VIEWS 0, LIKES 1, COMMENTS 2, SHARES 3, FOLLOWS 4,
-- PROFILE_VISITS 5, COMPLETIONS 6); the first four are TrendActivity's VIEWS, LIKES, COMMENTS, SHARES.
-- on_post: false for rows queued by code that had already counted the event on its post in the
-- request (rows waiting at the upgrade, and a server of the old version during a rolling upgrade,
-- which does not name the column), so no event counts twice on its post.
alter table trend_pending drop constraint trend_pending_counter_check;
alter table trend_pending add constraint trend_pending_counter_check check (counter between 0 and 6);
alter table trend_pending add column on_post boolean not null default false;
