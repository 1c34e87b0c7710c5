-- Optimized CPM (billing_event OCPM, optimization_goal CONVERT): the bid is a target cost per
-- conversion, charged per 1000 impressions.
alter table adgroups drop constraint adgroups_billing_event_check;
alter table adgroups add constraint adgroups_billing_event_check
    check (billing_event in ('CPM', 'CPC', 'CPV', 'OCPM'));
