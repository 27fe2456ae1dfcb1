-- Every resource a sender gave us, as it was sent, before any later stage looks at it.
-- One row per stored version; a redelivery of identical content adds no row.
create table received_resource (
    pk                bigint generated always as identity primary key,
    resource_type     varchar(64)  not null,
    resource_id       varchar(64)  not null,
    -- The service's own version counter for this type/id: 1, 2, 3 ...
    version_id        integer      not null,
    -- meta.versionId as the sender (e.g. the EHR) gave it, when it gave one.
    source_version_id varchar(64),
    -- How it arrived: interaction and channel, e.g. 'create', 'update', 'batch', 'transaction'.
    source            varchar(64)  not null,
    received_at       timestamptz  not null,
    -- SHA-256 of the resource's content without meta, to recognise redeliveries.
    content_sha256    char(64)     not null,
    -- The resource exactly as the sender wrote it (JSON text).
    raw_json          text         not null,
    -- The resource as stored: server id, meta.versionId/lastUpdated, transaction references resolved.
    stored_json       text         not null,
    constraint received_resource_version_uq unique (resource_type, resource_id, version_id)
);

create unique index received_resource_source_version_uq
    on received_resource (resource_type, resource_id, source_version_id)
    where source_version_id is not null;

create index received_resource_received_at_idx on received_resource (received_at);
