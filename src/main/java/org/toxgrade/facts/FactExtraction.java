package org.toxgrade.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.toxgrade.grading.fact.Fact;

/**
 * What one FHIR resource says, as facts.
 *
 * <p><b>Replacing, not appending.</b> The extraction is the complete set of facts of its source at
 * this version: the caller replaces every fact it stored for {@link #source()} with these (docs/clinical-rules.md
 * section 8: "a new version of the same resource id replaces the old fact"). An extraction with no
 * facts (a {@code registered} Observation, an unknown code) therefore also clears what an earlier
 * version said. {@link #retracts()} says that the sender withdrew the record explicitly
 * ({@code entered-in-error}, {@code cancelled}, {@code not-done}), for provenance and metrics.
 *
 * @param source            {@code Type/id} without base or version, e.g. {@code Observation/123}
 * @param versionId         {@code meta.versionId} (or the version of the resource id), {@code null} when absent
 * @param patient           {@code Patient/id} without base or version
 * @param facts             grading facts; ids are {@link #source()} (see {@link FactIds})
 * @param contextFacts      facts the grading has no record for (flow, indication, labs)
 * @param infusion          a CAR-T product administration or procedure
 * @param birthDate         from a Patient resource
 * @param unknownCodes      codes the terminology could not place (not errors)
 */
public record FactExtraction(String source, String resourceType, String resourceId, String versionId, String patient,
        List<Fact> facts, List<ContextFact> contextFacts, Optional<CarTInfusion> infusion,
        Optional<LocalDate> birthDate, boolean retracts, List<UnknownCode> unknownCodes) {

    public FactExtraction {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(patient, "patient");
        facts = List.copyOf(facts);
        contextFacts = List.copyOf(contextFacts);
        Objects.requireNonNull(infusion, "infusion");
        Objects.requireNonNull(birthDate, "birthDate");
        unknownCodes = List.copyOf(unknownCodes);
    }

    /** Unknown codes counted per code system, for metrics (codes are terminology, not patient data). */
    public Map<String, Long> unknownCodeCountsBySystem() {
        Map<String, Long> counts = new TreeMap<>();
        unknownCodes.forEach(u -> counts.merge(u.system(), 1L, Long::sum));
        return counts;
    }

    /** True when the resource yields nothing the service keeps. */
    public boolean isEmpty() {
        return facts.isEmpty() && contextFacts.isEmpty() && infusion.isEmpty() && birthDate.isEmpty();
    }
}
