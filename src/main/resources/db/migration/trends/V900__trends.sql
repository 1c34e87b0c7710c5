-- Trend Discovery reads only these tables, kept up to date by event intake (organic events only)
-- and post creation. kind: HASHTAG, SOUND, CREATOR, POST; key: the hashtag, the sound id, the
-- creator's account id or the post's item id; region: the viewer's region (the creator's when the
-- host app sent none) or 'ALL'. score = views + 3 likes + 5 comments + 8 shares (TrendScore).

-- Organic activity per key and UTC day; posts = posts created that day carrying the key.
create table trend_daily (
    kind      text   not null,
    region    text   not null,
    key       text   not null,
    day       date   not null,
    views     bigint not null default 0,
    likes     bigint not null default 0,
    comments  bigint not null default 0,
    shares    bigint not null default 0,
    posts     bigint not null default 0,
    score     bigint not null default 0,
    primary key (kind, region, key, day)
);

create index trend_daily_by_day on trend_daily (kind, region, day, score desc);
create index trend_daily_by_date on trend_daily (day);

-- The same sums over each window (days = 1, 7, 30, 120) ending on trend_state.today: what a board
-- reads. Intake adds to them; the daily roll subtracts the day that leaves each window.
create table trend_window (
    kind      text    not null,
    region    text    not null,
    days      integer not null,
    key       text    not null,
    views     bigint  not null default 0,
    likes     bigint  not null default 0,
    comments  bigint  not null default 0,
    shares    bigint  not null default 0,
    posts     bigint  not null default 0,
    score     bigint  not null default 0,
    primary key (kind, region, days, key)
);

create index trend_window_board on trend_window (kind, region, days, score desc, views desc, key);

-- The UTC day the windows end on.
create table trend_state (
    id     integer primary key check (id = 1),
    today  date    not null
);

insert into trend_state (id, today) values (1, (now() at time zone 'UTC')::date);

-- The top 100 of a closed window (ending before today): a cache for rank changes (the previous
-- window) and daily ranks (days = 1). Computed from trend_daily when first asked; a late event
-- in a closed day drops the windows holding that day.
create table trend_ranks (
    kind      text    not null,
    region    text    not null,
    days      integer not null,
    end_day   date    not null,
    key       text    not null,
    rank      integer not null,
    primary key (kind, region, days, end_day, key)
);

create index trend_ranks_by_end on trend_ranks (end_day);

-- Which closed windows are in trend_ranks (a window may have fewer than 100 keys, or none).
create table trend_ranked_windows (
    kind      text    not null,
    region    text    not null,
    days      integer not null,
    end_day   date    not null,
    primary key (kind, region, days, end_day)
);

create index trend_ranked_windows_by_end on trend_ranked_windows (end_day);

-- Organic views per key, UTC day and viewer: age group, gender and region ('NONE' when unknown).
create table trend_audience (
    kind       text   not null,
    key        text   not null,
    day        date   not null,
    age_group  text   not null,
    gender     text   not null,
    region     text   not null,
    views      bigint not null default 0,
    primary key (kind, key, day, age_group, gender, region)
);

-- Which hashtag, sound and creator each post carries (and the post itself, kind POST), for a
-- trend's top posts and creators; written when intake first sees the post.
create table trend_post_keys (
    kind        text   not null,
    key         text   not null,
    item_id     bigint not null,
    account_id  bigint not null,
    primary key (kind, key, item_id)
);
