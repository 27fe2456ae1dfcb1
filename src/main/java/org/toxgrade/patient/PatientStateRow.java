package org.toxgrade.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A patient the service has heard of (table {@code patient_state}); its row lock serialises the patient's work. */
@Entity
@Table(name = "patient_state")
public class PatientStateRow {

    @Id
    @Column(name = "patient_ref")
    public String patientRef;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Column(name = "first_seen_at", nullable = false)
    public OffsetDateTime firstSeenAt;

    @Column(name = "facts_changed_at", nullable = false)
    public OffsetDateTime factsChangedAt;

    @Column(name = "needs_derivation", nullable = false)
    public boolean needsDerivation;

    @Column(name = "derived_at")
    public OffsetDateTime derivedAt;

    /** One more for every transaction that changed the patient's facts (migration V7). */
    @Column(name = "facts_version", nullable = false)
    public long factsVersion;
}
