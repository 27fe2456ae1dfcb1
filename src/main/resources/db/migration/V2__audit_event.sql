-- Who did what to which resource, when: every write received and every read served.
-- Operators query it (GET /fhir/AuditEvent); it is written in the same transaction as the write
-- it records, so a stored write never lacks its audit record.
create table audit_event (
    pk             bigint generated always as identity primary key,
    recorded_at    timestamptz  not null,
    client_id      varchar(256) not null,
    -- FHIR AuditEvent.action: C create, R read, U update, D delete, E execute.
    action         char(1)      not null,
    -- The FHIR interaction: create, update, read, vread, batch, transaction, ...
    interaction    varchar(32)  not null,
    resource_type  varchar(64),
    resource_id    varchar(64),
    version_id     integer,
    -- HTTP status of the interaction (per entry for Bundles).
    outcome_status integer      not null
);

create index audit_event_recorded_at_idx on audit_event (recorded_at);
create index audit_event_client_idx on audit_event (client_id, recorded_at);
