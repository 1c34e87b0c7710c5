-- Organic events accepted but not yet folded into the trend tables. Intake appends one row per
-- counted event in the transaction that accepts it (so it is never lost and never written twice);
-- TrendFolder deletes a run of rows and adds them to the trend tables in one transaction, about once
-- a second, so each event is counted exactly once and intake never waits on the trend rows' locks.
-- counter: TrendActivity's VIEWS 0, LIKES 1, COMMENTS 2, SHARES 3; day: the event's UTC day.
create table trend_pending (
    id             bigint   generated always as identity primary key,
    item_id        bigint   not null,
    counter        smallint not null check (counter between 0 and 3),
    day            date     not null,
    viewer_region  text,
    age_group      text,
    gender         text
);
