-- A search records the patients it named and the query it ran (identifier values hashed), so the
-- audit trail answers "who looked at this patient's results" for searches as it does for reads.
alter table audit_event add column patient_refs text;
alter table audit_event add column query text;
