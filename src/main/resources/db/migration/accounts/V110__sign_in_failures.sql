-- Failed sign-ins, per user ('user:<name>') and per network address ('address:<ip>'), so that
-- password guessing slows down (SignInThrottle). A user's row also remembers the address of their
-- last good sign-in, which a lock on the user does not hold back.
create table sign_in_failures (
    subject          text        primary key check (length(subject) <= 300),
    failures         integer     not null,
    last_failure_at  timestamptz,
    locked_until     timestamptz,
    trusted_address  text
);
