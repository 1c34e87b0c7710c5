-- Every grant, use, refusal, revoke, expiry, unbind, link and unlink, appended and never changed.
create table authorization_audit (
    id              bigint primary key,
    occurred_at     timestamptz not null,
    action          text        not null,
    item_id         bigint,
    account_id      bigint,
    advertiser_id   bigint,
    actor_kind      text        not null check (actor_kind in ('CREATOR', 'ADVERTISER', 'PLATFORM', 'SYSTEM')),
    actor_id        text,
    client_address  text,
    detail          text
);
create index authorization_audit_by_account on authorization_audit (account_id, occurred_at desc);
create index authorization_audit_by_advertiser on authorization_audit (advertiser_id, occurred_at desc);
create index authorization_audit_by_item on authorization_audit (item_id, occurred_at desc);

create function authorization_audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'authorization_audit is append-only: rows cannot be updated or deleted';
end
$$;

create trigger authorization_audit_no_update_or_delete
    before update or delete on authorization_audit
    for each row execute function authorization_audit_is_append_only();

create trigger authorization_audit_no_truncate
    before truncate on authorization_audit
    for each statement execute function authorization_audit_is_append_only();
