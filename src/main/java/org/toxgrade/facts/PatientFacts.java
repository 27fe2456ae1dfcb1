package org.toxgrade.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.toxgrade.grading.fact.Fact;

/**
 * Everything stored for one patient, as rebuilt from the fact store ({@link FactCodec}): the input of
 * {@link EpisodeFactsAssembler}.
 *
 * @param birthDate                   {@code null} when no Patient resource gave one
 * @param developmentallyUnableForIce the patient is assessed with CAPD whatever the age; the input
 *                                    contract has no element for it yet, so callers pass {@code false}
 *                                    unless a clinician set it through another channel
 */
public record PatientFacts(LocalDate birthDate, boolean developmentallyUnableForIce, List<Fact> facts,
        List<ContextFact> contextFacts) {

    public PatientFacts {
        facts = List.copyOf(Objects.requireNonNull(facts, "facts"));
        contextFacts = List.copyOf(Objects.requireNonNull(contextFacts, "contextFacts"));
    }

    /** {@code Patient.gender}, when the Patient resource gave one. */
    public Optional<PatientSex.Sex> sex() {
        PatientSex.Sex sex = null;
        for (ContextFact f : contextFacts) {
            if (f instanceof PatientSex s) {
                sex = s.sex();
            }
        }
        return Optional.ofNullable(sex);
    }

    /** Every body height charted for the patient, any order. */
    public List<BodyHeight> heights() {
        List<BodyHeight> heights = new ArrayList<>();
        for (ContextFact f : contextFacts) {
            if (f instanceof BodyHeight h) {
                heights.add(h);
            }
        }
        return heights;
    }
}
