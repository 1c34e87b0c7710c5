-- The durable event log. An event id counts once; a paid event counts once per impression and type.
create table event_log (
    event_id       text          primary key check (length(event_id) between 1 and 128),
    type           text          not null,
    occurred_at    timestamptz   not null,
    received_at    timestamptz   not null,
    viewer_id      text,
    paid           boolean       not null,
    impression_id  text,
    ad_id          bigint,
    advertiser_id  bigint,
    item_id        bigint,
    value          numeric(20, 6),
    cost           numeric(20, 7) not null default 0,
    check (paid = (impression_id is not null)),
    check (paid or item_id is not null)
);
create unique index event_log_once_per_impression on event_log (impression_id, type) where paid;
create index event_log_by_received on event_log (received_at);
