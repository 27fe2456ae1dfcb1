-- Each derivation asks which of the patient's results the EHR has received (and locks the
-- patient's pending rows): by patient and state, not a scan of the whole outbox.
create index outbox_patient_state_idx on outbox (patient_ref, state);
