-- The Conditions and Flags derived for each patient, as the service's read API serves them and the
-- outbox sends them. Ids equal the business identifier values. Rows are never deleted: a result the
-- data no longer supports gets a new version that says so.
create table derived_resource (
    resource_type     varchar(16)  not null,
    resource_id       varchar(64)  not null,
    patient_ref       varchar(200) not null,
    episode_key       varchar(32)  not null,
    status            varchar(32)  not null,
    version_id        integer      not null,
    -- SHA-256 of the resource without meta: a re-derivation that changes nothing writes nothing.
    content_sha256    char(64)     not null,
    resource_json     text         not null,
    first_recorded_at timestamptz  not null,
    last_updated      timestamptz  not null,
    primary key (resource_type, resource_id)
);

create index derived_resource_patient_idx on derived_resource (patient_ref, resource_type);
create index derived_resource_updated_idx on derived_resource (last_updated);

-- Per episode: its window and the day-by-day timeline a chart draws.
create table episode_state (
    episode_key    varchar(32)  primary key,
    patient_ref    varchar(200) not null,
    episode_number integer      not null,
    infusion_at    timestamptz  not null,
    window_end     timestamptz  not null,
    timeline_json  text         not null,
    derived_at     timestamptz  not null
);

create index episode_state_patient_idx on episode_state (patient_ref);
