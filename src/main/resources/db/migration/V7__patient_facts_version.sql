-- A counter of the patient's fact changes: every transaction that changes the patient's facts adds
-- one, under the patient's lock. Decoded facts kept in memory are valid for one value of it only,
-- so a replica never grades from facts another replica has changed since.
alter table patient_state add column facts_version bigint not null default 0;
