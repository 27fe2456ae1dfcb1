package org.toxgrade.patient;

import java.util.List;
import org.toxgrade.episode.EpisodeWindow;
import org.toxgrade.publish.OutboundChange;

/**
 * A patient's derivation, encoded off the event loop and ready to store.
 *
 * @param resources every Condition and Flag as it should now read (withdrawn ones included)
 * @param episodes each episode's window with its timeline as JSON
 * @param retracted stored results ({@code Type/id}) the data no longer supports and that never
 *     left the service: removed, as if they had never been derived
 */
public record DerivedState(List<EncodedResource> resources, List<EncodedEpisode> episodes, List<String> retracted) {

    /**
     * A Condition or Flag as JSON (meta holds only the profile) with the hash of that JSON, and the
     * change the EHR should receive if it is new or changed (with its derivation Provenance; null when
     * the stored version already says the same).
     */
    public record EncodedResource(String resourceType, String id, String episodeKey, String status, String json,
            String sha256, List<String> sources, OutboundChange outbound) {
    }

    public record EncodedEpisode(EpisodeWindow window, String timelineJson) {
    }
}
