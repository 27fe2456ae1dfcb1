package org.toxgrade.publish;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One row of table {@code outbox} (see {@code V4__outbox.sql}). */
@Entity
@Table(name = "outbox")
public class OutboxRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long pk;

    @Column(name = "patient_ref", nullable = false)
    public String patientRef;

    @Column(name = "resource_type", nullable = false)
    public String resourceType;

    @Column(name = "identifier_system", nullable = false)
    public String identifierSystem;

    @Column(name = "identifier_value", nullable = false)
    public String identifierValue;

    @Column(name = "resource_json", nullable = false)
    public String resourceJson;

    @Column(name = "provenance_json", nullable = false)
    public String provenanceJson;

    @Column(name = "content_sha256", nullable = false)
    public String contentSha256;

    /** An {@link OutboxState#code()}. */
    @Column(nullable = false)
    public String state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "ehr_resource_id")
    public String ehrResourceId;

    @Column(name = "ehr_version_id")
    public String ehrVersionId;

    @Column(name = "superseded_by")
    public Long supersededBy;

    public OutboxState outboxState() {
        return OutboxState.of(state);
    }
}
