-- A board's trend lines read the daily ranks of the keys it shows: keyed first, so 100 keys over
-- 119 days are 100 short range scans, not 100 scans each crossing every day's top 100.
create index trend_ranks_by_key on trend_ranks (kind, region, days, key, end_day) include (rank);
