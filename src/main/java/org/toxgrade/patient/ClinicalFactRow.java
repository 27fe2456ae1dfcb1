package org.toxgrade.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One stored clinical fact (table {@code clinical_fact}), in the codec's JSON. */
@Entity
@Table(name = "clinical_fact")
public class ClinicalFactRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long pk;

    @Column(name = "patient_ref", nullable = false)
    public String patientRef;

    @Column(name = "source_ref", nullable = false)
    public String sourceRef;

    @Column(name = "source_version", nullable = false)
    public int sourceVersion;

    @Column(name = "fact_id", nullable = false)
    public String factId;

    @Column(nullable = false)
    public String kind;

    @Column(name = "effective_at", nullable = false)
    public OffsetDateTime effectiveAt;

    @Column(nullable = false)
    public String payload;
}
