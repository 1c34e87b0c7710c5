-- TikTok's pacing of an ad group's daily budget; smooth is TikTok's default.
alter table adgroups add column pacing text not null default 'PACING_MODE_SMOOTH'
    check (pacing in ('PACING_MODE_SMOOTH', 'PACING_MODE_FAST'));
