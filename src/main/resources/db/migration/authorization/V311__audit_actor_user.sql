-- Who acted, when a signed-in person did: their user id and the name they went by then (the trail
-- keeps it as it was, like the rest of the row). Null for older rows, the app, the system and
-- Business API tokens, which belong to no one person.
alter table authorization_audit
    add column actor_user_id   bigint,
    add column actor_user_name text;
