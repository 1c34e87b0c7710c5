-- Frequency caps, shared by every server and kept across restarts: per ad group and viewer, the
-- instants of the places served within the cap's window (oldest first). A serve takes a place with
-- one insert … on conflict … where (fewer than N in the window), which holds the row's lock.
create table serving_frequency (
    adgroup_id  bigint        not null,
    viewer_id   text          not null,
    served_at   timestamptz[] not null,
    expires_at  timestamptz   not null,
    primary key (adgroup_id, viewer_id)
);
create index serving_frequency_expiry on serving_frequency (expires_at);

-- TopView reservations: places taken per ad group and day (in the ad account's time zone) …
create table topview_days (
    adgroup_id  bigint  not null,
    day         date    not null,
    served      integer not null check (served > 0),
    primary key (adgroup_id, day)
);

-- … and the viewers who had one that day (once per viewer a day).
create table topview_viewers (
    adgroup_id  bigint not null,
    day         date   not null,
    viewer_id   text   not null,
    primary key (adgroup_id, day, viewer_id)
);
create index topview_viewers_day on topview_viewers (day);
