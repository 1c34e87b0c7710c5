-- Uploaded videos are served under an unguessable token instead of their time-based id, and stay
-- private to their ad account until an ad showing them is approved (published_at). The container
-- is parsed at upload: picture size, codec and a poster frame are kept beside the duration.
alter table video_files
    add column token        text,
    add column width        integer check (width > 0),
    add column height       integer check (height > 0),
    add column codec        text,
    add column poster_path  text,
    add column published_at timestamptz;

-- Existing uploads get a token of two version-4 UUIDs (244 random bits from PostgreSQL's strong
-- random source). They were all readable by anyone at /videos/{id} until now, and ads or posts may
-- already show them, so they count as published; their old, guessable URLs stop working.
update video_files
   set token = replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''),
       published_at = created_at;
alter table video_files alter column token set not null;
create unique index video_files_by_token on video_files (token);

-- Pushed videos already published as posts keep playing, at their new URL.
update posts p
   set video_url = '/videos/' || v.token
  from video_files v
 where p.video_url = '/videos/' || v.id::text;
