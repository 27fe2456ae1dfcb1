-- One row per patient the service has heard of. Its row lock serialises all work on the patient:
-- every transaction that changes the patient's facts or derived state locks it first.
create table patient_state (
    patient_ref        varchar(200) primary key,        -- 'Patient/123'
    birth_date         date,
    first_seen_at      timestamptz  not null,
    facts_changed_at   timestamptz  not null,
    -- Set when facts changed and grades/flags still have to be re-derived; cleared by the deriver.
    -- A crash between the two leaves it set, and the sweeper re-derives: no event is lost.
    needs_derivation   boolean      not null default true,
    derived_at         timestamptz
);

create index patient_state_needs_derivation_idx on patient_state (facts_changed_at) where needs_derivation;

-- The clinical facts a received resource says, in the codec's JSON. A resource's facts are
-- replaced as a whole by its next version; a retracted resource has none.
create table clinical_fact (
    pk               bigint generated always as identity primary key,
    patient_ref      varchar(200) not null,
    source_ref       varchar(200) not null,             -- 'Observation/123'
    source_version   integer      not null,             -- received_resource.version_id it came from
    fact_id          varchar(300) not null,
    kind             varchar(64)  not null,
    effective_at     timestamptz  not null,
    payload          text         not null,
    constraint clinical_fact_source_fact_uq unique (source_ref, fact_id)
);

create index clinical_fact_patient_idx on clinical_fact (patient_ref, effective_at);

-- Versions can arrive out of order. The sender's meta.versionId (numeric) or meta.lastUpdated says
-- which is newer; an older version arriving late is kept for the record but marked stale: it does
-- not become current and does not replace the facts of the newer one.
alter table received_resource add column source_last_updated timestamptz;
alter table received_resource add column stale boolean not null default false;
