-- Budgets as every server reserves from them: per budget and period, what is reserved (spent by
-- settled leases, plus the whole of the leases still held). A server takes a lease by raising
-- reserved_micros under a row lock, never past the budget, and settles it by giving back the
-- unused part. See docs/architecture.md, "Budgets: leases and reservations".
create table budget_periods (
    level            text   not null check (level in ('CAMPAIGN', 'ADGROUP')),
    owner_id         bigint not null,
    period           text   not null check (period = 'TOTAL' or period ~ '^D\d{4}-\d{2}-\d{2}$'),
    budget_micros    bigint not null check (budget_micros >= 0),
    reserved_micros  bigint not null check (reserved_micros >= 0),
    primary key (level, owner_id, period)
);

-- The leases held now: each one's amount is part of its period's reserved_micros until settled;
-- one not settled by expires_at (its server died) flows back whole.
create table budget_leases (
    id             bigserial   primary key,
    level          text        not null,
    owner_id       bigint      not null,
    period         text        not null,
    server         text        not null,
    amount_micros  bigint      not null check (amount_micros > 0),
    taken_at       timestamptz not null,
    expires_at     timestamptz not null,
    foreign key (level, owner_id, period) references budget_periods on delete cascade
);
create index budget_leases_of_period on budget_leases (level, owner_id, period);
create index budget_leases_by_expiry on budget_leases (expires_at);
