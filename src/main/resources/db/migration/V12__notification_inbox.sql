-- Notifications from the EHRs, kept as received and processed from here (#19 defects 2 and 3): the EHR is
-- answered once its notification is safely stored (one insert), whatever the load and whatever its content
-- turns out to lack; what cannot be taken is recorded here for operators, never sent back into the EHR's
-- retry loop, where it would hold up the notifications behind it.
create table notification_inbox (
    id              bigserial   primary key,
    source          text        not null,
    -- POST (endpoint), PUT (endpoint/[type]/[id]) or DELETE (endpoint/[type]/[id])
    method          text        not null,
    resource_type   text,
    resource_id     text,
    -- the body as received; cleared once processed (the resource itself is then stored)
    body            text,
    received_at     timestamptz not null default now(),
    -- received (waiting), processed, refused (its content cannot be taken), failed (out of attempts)
    state           text        not null default 'received',
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    -- a replica processing the entry holds it until then; a lapsed claim is taken again
    claimed_until   timestamptz,
    processed_at    timestamptz,
    -- the outcome: TG-SUB-000 when processed, the refusal's code otherwise, with its text
    outcome_code    text,
    outcome         text
);

create index notification_inbox_waiting on notification_inbox (next_attempt_at, id) where state = 'received';
create index notification_inbox_refused on notification_inbox (source, received_at) where state in ('refused', 'failed');
create index notification_inbox_processed on notification_inbox (processed_at) where state = 'processed';
