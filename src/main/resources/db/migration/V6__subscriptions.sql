-- Receiving from the EHR: per source (a configured EHR FHIR server) what catch-up has covered, what
-- notifications arrived, and the Subscriptions this service keeps on that EHR.

create table subscription_source (
    source                 text primary key,
    -- Catch-up has read everything the EHR changed before this instant (the EHR's clock when the EHR
    -- says what it is, else ours); the next run starts a little earlier (overlap) and relies on dedupe.
    watermark              timestamptz,
    last_notification_at   timestamptz,
    last_notification_kind text,
    notifications          bigint      not null default 0,
    last_catch_up_at       timestamptz,
    last_catch_up_outcome  text,
    last_catch_up_read     integer,
    -- A replica running catch-up for this source holds it until then; others skip.
    catch_up_lease_until   timestamptz,
    gaps_seen              bigint      not null default 0,
    last_gap_at            timestamptz
);

create table subscription_registration (
    source          text        not null,
    criteria        text        not null,
    subscription_id text,
    -- what the EHR said of the Subscription at the last check (requested, active, error, off), or
    -- unreachable / refused when the check could not complete
    status          text        not null,
    detail          text,
    checked_at      timestamptz not null,
    repairs         integer     not null default 0,
    primary key (source, criteria)
);

-- Topic-based (Subscriptions R5 Backport) notifications carry a running event count per Subscription;
-- a count beyond the last seen means events were missed.
create table subscription_topic_events (
    source       text        not null,
    subscription text        not null,
    events_seen  bigint      not null,
    updated_at   timestamptz not null,
    primary key (source, subscription)
);
