-- The automatic checks run before a person decides, each with its outcome and reason (JSON).
alter table reviews add column checks text not null default '[]';
