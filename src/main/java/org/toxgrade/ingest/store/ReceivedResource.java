package org.toxgrade.ingest.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One stored version of a resource a sender gave us (table {@code received_resource}). */
@Entity
@Table(name = "received_resource")
public class ReceivedResource {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long pk;

    @Column(name = "resource_type", nullable = false)
    public String resourceType;

    @Column(name = "resource_id", nullable = false)
    public String resourceId;

    @Column(name = "version_id", nullable = false)
    public int versionId;

    @Column(name = "source_version_id")
    public String sourceVersionId;

    @Column(nullable = false)
    public String source;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    @Column(name = "content_sha256", nullable = false)
    public String contentSha256;

    @Column(name = "source_last_updated")
    public OffsetDateTime sourceLastUpdated;

    /** An older sender version that arrived after a newer one: kept, never current. */
    @Column(nullable = false)
    public boolean stale;

    @Column(name = "raw_json", nullable = false)
    public String rawJson;

    @Column(name = "stored_json", nullable = false)
    public String storedJson;
}
