-- A post's organic engagement per UTC day (the day the event happened), kept beside the lifetime
-- counters in the same transaction, so recent growth (this week against the week before) can be
-- read without the event log.
create table post_organic_days (
    item_id   bigint not null references posts (id),
    day       date   not null,
    views     bigint not null default 0,
    likes     bigint not null default 0,
    comments  bigint not null default 0,
    shares    bigint not null default 0,
    primary key (item_id, day)
);
