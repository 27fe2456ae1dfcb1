package org.toxgrade.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An episode's window and timeline (table {@code episode_state}). */
@Entity
@Table(name = "episode_state")
public class EpisodeStateRow {

    @Id
    @Column(name = "episode_key")
    public String episodeKey;

    @Column(name = "patient_ref", nullable = false)
    public String patientRef;

    @Column(name = "episode_number", nullable = false)
    public int episodeNumber;

    @Column(name = "infusion_at", nullable = false)
    public OffsetDateTime infusionAt;

    @Column(name = "window_end", nullable = false)
    public OffsetDateTime windowEnd;

    @Column(name = "timeline_json", nullable = false)
    public String timelineJson;

    @Column(name = "derived_at", nullable = false)
    public OffsetDateTime derivedAt;
}
