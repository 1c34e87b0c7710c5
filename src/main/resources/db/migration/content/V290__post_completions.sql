-- Organic plays watched to the end (VIDEO_P100), for the Spark-ready score's completion rate. A
-- post keeps them beside its other counters, organic and paid apart; per day they are kept in
-- post_organic_days. Days counted before this migration have no completions (null, not 0), so a
-- completion rate is taken only over the views of days whose completions were counted.
alter table posts
    add column organic_completions bigint not null default 0,
    add column paid_completions    bigint not null default 0;

alter table post_organic_days add column completions bigint;
alter table post_organic_days alter column completions set default 0;
