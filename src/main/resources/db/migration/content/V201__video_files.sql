-- Videos uploaded by advertisers through the Business API, stored under the data directory.
create table video_files (
    id             bigint primary key,
    advertiser_id  bigint      not null,
    file_name      text        not null,
    content_type   text        not null,
    size_bytes     bigint      not null check (size_bytes > 0),
    sha256         text        not null,
    duration_ms    integer check (duration_ms > 0),
    storage_path   text        not null,
    created_at     timestamptz not null
);
create index video_files_by_advertiser on video_files (advertiser_id, created_at desc);

-- A video pushed by an advertiser may run in ads only, without showing on the creator's profile.
alter table posts add column ads_only boolean not null default false;
