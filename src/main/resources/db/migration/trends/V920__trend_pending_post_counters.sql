-- The queue now also carries the organic events that only a post's own counters count (plays watched
-- to the end, follows, profile visits): TrendFolder adds every queued event to its post's organic
-- counters and days, and the first four counters to the trend tables, in the transaction that
-- deletes it, so intake writes one queue row per event and never locks a post's row.
-- counter: PostEngagement.Counter's ordinal (VIEWS 0, LIKES 1, COMMENTS 2, SHARES 3, FOLLOWS 4,
-- PROFILE_VISITS 5, COMPLETIONS 6); the first four are TrendActivity's VIEWS, LIKES, COMMENTS, SHARES.
alter table trend_pending drop constraint trend_pending_counter_check;
alter table trend_pending add constraint trend_pending_counter_check check (counter between 0 and 6);
