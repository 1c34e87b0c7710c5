-- Accounts of the host app (creators and businesses) and their organic posts.
create table app_accounts (
    id            bigint primary key,
    handle        text        not null unique check (handle ~ '^[a-zA-Z0-9._]{2,24}$'),
    display_name  text        not null check (length(display_name) between 1 and 64),
    avatar_url    text,
    account_type  text        not null check (account_type in ('CREATOR', 'BUSINESS')),
    region        text        not null check (region ~ '^[A-Z]{2}$'),
    created_at    timestamptz not null
);

create table posts (
    id                bigint primary key,
    account_id        bigint      not null references app_accounts (id),
    caption           text        not null check (length(caption) <= 2200),
    hashtags          text[]      not null default '{}',
    sound_id          text,
    duration_ms       integer     not null check (duration_ms > 0),
    video_url         text,
    visibility        text        not null check (visibility in ('PUBLIC', 'FRIENDS', 'PRIVATE')),
    created_at        timestamptz not null,
    deleted_at        timestamptz,
    organic_views     bigint      not null default 0,
    organic_likes     bigint      not null default 0,
    organic_comments  bigint      not null default 0,
    organic_shares    bigint      not null default 0
);

create index posts_by_account on posts (account_id, created_at desc);
