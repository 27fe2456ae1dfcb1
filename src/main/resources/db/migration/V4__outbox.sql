-- Changes to deliver to the EHR: one row per Condition or Flag state the service wants the EHR to
-- hold, written in the same transaction as the derived state that produced it. The dispatcher
-- claims due rows with FOR UPDATE SKIP LOCKED, so any number of replicas share the work.
-- The row keeps the resource and its Provenance after delivery: it is the log of what the service
-- proposed, including what a clinician's decision kept out of the EHR.
create table outbox (
    pk                bigint generated always as identity primary key,
    -- Reference to the patient as the service knows it, e.g. 'Patient/123'.
    patient_ref       varchar(128) not null,
    resource_type     varchar(16)  not null check (resource_type in ('Condition', 'Flag')),
    -- Business identifier of the Condition or Flag; the EHR write is a conditional update on it.
    identifier_system varchar(256) not null,
    identifier_value  varchar(128) not null,
    resource_json     text         not null,
    provenance_json   text         not null,
    -- SHA-256 of the resource's canonical JSON without id, meta and text.
    content_sha256    char(64)     not null,
    state             varchar(32)  not null check (state in ('pending', 'sending', 'sent', 'superseded',
                          'superseded-by-clinician', 'invalid', 'dead')),
    -- Delivery attempts made (a claim released unattempted, e.g. circuit open, does not count).
    attempts          integer      not null default 0,
    next_attempt_at   timestamptz  not null,
    -- While 'sending': the claim lapses at this time (a replica that died mid-delivery).
    lease_until       timestamptz,
    -- Code and short reason of the last failure; never patient data.
    last_error        varchar(1000),
    -- HTTP status of the last EHR answer, when there was one.
    last_status       integer,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    sent_at           timestamptz,
    -- Id and version of the resource on the EHR after delivery (or as found, when a clinician's kept).
    ehr_resource_id   varchar(64),
    ehr_version_id    varchar(64),
    -- The newer row that made this one 'superseded'.
    superseded_by     bigint references outbox (pk)
);

create index outbox_due_idx on outbox (next_attempt_at, pk) where state in ('pending', 'sending');
create index outbox_identifier_idx on outbox (identifier_system, identifier_value, pk);
create index outbox_state_idx on outbox (state, pk);
