package org.toxgrade.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One row of the audit trail (table {@code audit_event}). */
@Entity
@Table(name = "audit_event")
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long pk;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String interaction;

    @Column(name = "resource_type")
    public String resourceType;

    @Column(name = "resource_id")
    public String resourceId;

    @Column(name = "version_id")
    public Integer versionId;

    @Column(name = "outcome_status", nullable = false)
    public int outcomeStatus;

    /** The patients a search named, space-separated {@code Patient/x}; null for other interactions. */
    @Column(name = "patient_refs")
    public String patientRefs;

    /** The query a search ran, identifier values hashed; null for other interactions. */
    @Column
    public String query;
}
