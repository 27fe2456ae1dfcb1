package org.toxgrade.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.toxgrade.grading.fact.DevelopmentalInability;
import org.toxgrade.grading.fact.Fact;

/**
 * Everything stored for one patient, as rebuilt from the fact store ({@link FactCodec}): the input of
 * {@link EpisodeFactsAssembler}.
 *
 * @param birthDate                   {@code null} when no Patient resource gave one
 * @param developmentallyUnableForIce the statements whether the patient is developmentally unable to
 *                                    do the ICE (docs/clinical-rules.md section 8), each holding from its time
 *                                    on. They are kept apart from {@code facts} because they are a
 *                                    state, not a reading: whoever cuts {@code facts} to an episode's
 *                                    window passes these whole, so that a statement charted long
 *                                    before the infusion still holds in the episode
 * @param facts                       the other grading facts
 */
public record PatientFacts(LocalDate birthDate, List<DevelopmentalInability> developmentallyUnableForIce,
        List<Fact> facts, List<ContextFact> contextFacts) {

    public PatientFacts {
        developmentallyUnableForIce = List.copyOf(
                Objects.requireNonNull(developmentallyUnableForIce, "developmentallyUnableForIce"));
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

    /** A patient's facts as stored or sent, the statements of developmental inability set apart. */
    public static PatientFacts of(LocalDate birthDate, List<Fact> facts, List<ContextFact> contextFacts) {
        List<DevelopmentalInability> inability = new ArrayList<>();
        List<Fact> others = new ArrayList<>(facts.size());
        for (Fact fact : facts) {
            if (fact instanceof DevelopmentalInability d) {
                inability.add(d);
            } else {
                others.add(fact);
            }
        }
        return new PatientFacts(birthDate, inability, others, contextFacts);
    }
}
