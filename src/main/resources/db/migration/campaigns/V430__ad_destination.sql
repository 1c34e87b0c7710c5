-- Where an ad leads, TikTok's tiktok_page_category: PROFILE_PAGE sends the viewer to the identity's
-- profile (the Profile Landing Page); null leads to landing_page_url, or, for a Spark ad without
-- one, to the profile as well. A non-Spark ad's custom identity has no profile, so it needs a URL.
alter table ads add column tiktok_page_category text check (tiktok_page_category in ('PROFILE_PAGE'));
