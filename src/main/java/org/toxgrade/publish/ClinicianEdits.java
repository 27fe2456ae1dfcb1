package org.toxgrade.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the EHR's current resource carries a clinician's decision the service must not overwrite
 * (docs/clinical-rules.md "Clinician edits"; DESIGN "Clinician edits win").
 *
 * <ul>
 * <li><b>Condition</b>: the service only ever writes {@code verificationStatus = provisional}. Any
 * other value (confirmed, refuted, entered-in-error, differential, unconfirmed) was set by a person.</li>
 * <li><b>Flag</b>: the service itself sets a Flag {@code inactive} when it no longer holds, so status
 * alone does not tell. An {@code inactive} or {@code entered-in-error} Flag is a person's decision
 * unless the EHR still holds exactly the version the service last wrote.</li>
 * </ul>
 * Other edits (a note, a changed onset) are not decisions in this sense and are overwritten by the
 * next derived state.
 */
final class ClinicianEdits {

    static final String VERIFICATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    private static final Set<String> FLAG_DECISIONS = Set.of("inactive", "entered-in-error");

    private ClinicianEdits() {
    }

    /**
     * @param current             the EHR's resource as read just now
     * @param versionLastWritten  {@code meta.versionId} the service's last delivery for this identifier produced
     * @return the decision found (for the outbox row), or empty when the service may update
     */
    static Optional<String> decisionIn(String type, JsonNode current, Optional<String> versionLastWritten) {
        if ("Condition".equals(type)) {
            for (JsonNode coding : current.path("verificationStatus").path("coding")) {
                String code = coding.path("code").asText("");
                String system = coding.path("system").asText(VERIFICATION_SYSTEM);
                if (VERIFICATION_SYSTEM.equals(system) && !code.isEmpty() && !"provisional".equals(code)) {
                    return Optional.of("verificationStatus " + code);
                }
            }
            return Optional.empty();
        }
        String status = current.path("status").asText("");
        if (FLAG_DECISIONS.contains(status)) {
            String version = current.path("meta").path("versionId").asText(null);
            boolean ours = version != null && versionLastWritten.map(version::equals).orElse(false);
            if (!ours) {
                return Optional.of("status " + status);
            }
        }
        return Optional.empty();
    }
}
