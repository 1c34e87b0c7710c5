-- Frequency caps (at most `frequency` impressions per viewer in `frequency_schedule` days), day
-- parting (TikTok's 336 half-hours of a week, Monday first, in the ad account's time zone) and
-- TopView reservations (a fixed number of impressions a day at a fixed CPM).
alter table adgroups add column frequency integer check (frequency between 1 and 1000);
alter table adgroups add column frequency_schedule integer check (frequency_schedule between 1 and 30);
alter table adgroups add column dayparting text check (length(dayparting) = 336 and dayparting !~ '[^01]');
alter table adgroups add column topview_daily_impressions integer check (topview_daily_impressions > 0);
alter table adgroups add constraint adgroups_frequency_pair check ((frequency is null) = (frequency_schedule is null));
alter table adgroups add constraint adgroups_topview_reserved check (placement <> 'TOPVIEW' or (topview_daily_impressions is not null and billing_event = 'CPM'));
