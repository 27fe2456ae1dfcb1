package org.toxgrade.grading.fact;

import java.time.Instant;
import java.util.Objects;

/**
 * A neurological finding outside the ASTCT ICANS domains. These never change the ICANS grade;
 * they feed the neurotoxicity flags (docs/clinical-rules.md section 5).
 */
public record OtherNeuroFinding(String id, Instant time, Kind kind) implements Fact {

    public enum Kind {
        TREMOR, MYOCLONUS, NEUROPATHIC_PAIN, RADICULOPATHY, EMG_DENERVATION, CSF_PLEOCYTOSIS, VISUAL_DISTURBANCE,
        RIGIDITY_SPASMS, HEADACHE, GENERALIZED_WEAKNESS
    }

    public OtherNeuroFinding {
        FactChecks.idAndTime(id, time);
        Objects.requireNonNull(kind, "kind");
    }
}
