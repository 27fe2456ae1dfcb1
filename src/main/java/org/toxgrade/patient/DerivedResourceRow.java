package org.toxgrade.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A stored Condition or Flag the service derived (table {@code derived_resource}). */
@Entity
@Table(name = "derived_resource")
@IdClass(DerivedResourceRow.Key.class)
public class DerivedResourceRow {

    @Id
    @Column(name = "resource_type")
    public String resourceType;

    @Id
    @Column(name = "resource_id")
    public String resourceId;

    @Column(name = "patient_ref", nullable = false)
    public String patientRef;

    @Column(name = "episode_key", nullable = false)
    public String episodeKey;

    @Column(nullable = false)
    public String status;

    @Column(name = "version_id", nullable = false)
    public int versionId;

    @Column(name = "content_sha256", nullable = false)
    public String contentSha256;

    @Column(name = "resource_json", nullable = false)
    public String resourceJson;

    @Column(name = "first_recorded_at", nullable = false)
    public OffsetDateTime firstRecordedAt;

    @Column(name = "last_updated", nullable = false)
    public OffsetDateTime lastUpdated;

    public static class Key implements Serializable {

        public String resourceType;
        public String resourceId;

        public Key() {
        }

        public Key(String resourceType, String resourceId) {
            this.resourceType = resourceType;
            this.resourceId = resourceId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(resourceType, k.resourceType)
                    && Objects.equals(resourceId, k.resourceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(resourceType, resourceId);
        }
    }
}
