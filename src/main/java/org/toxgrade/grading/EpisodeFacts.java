package org.toxgrade.grading;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.toxgrade.grading.fact.BloodPressure;
import org.toxgrade.grading.fact.CapdScore;
import org.toxgrade.grading.fact.ConsciousnessLevel;
import org.toxgrade.grading.fact.DeathAttribution;
import org.toxgrade.grading.fact.DevelopmentalInability;
import org.toxgrade.grading.fact.DrugDose;
import org.toxgrade.grading.fact.Fact;
import org.toxgrade.grading.fact.IceScore;
import org.toxgrade.grading.fact.IcpSign;
import org.toxgrade.grading.fact.MotorFinding;
import org.toxgrade.grading.fact.NeuroImaging;
import org.toxgrade.grading.fact.OtherNeuroFinding;
import org.toxgrade.grading.fact.OxygenSupport;
import org.toxgrade.grading.fact.Seizure;
import org.toxgrade.grading.fact.Temperature;
import org.toxgrade.grading.fact.VasopressorInfusion;

/**
 * Everything the grading knows about one episode: the infusion that starts it (docs/clinical-rules.md
 * section 1), the patient's birth date when known, and the clinical facts in any order.
 *
 * @param birthDate              {@code null} when unknown; adult rules then apply, with a note
 * @param developmentalInability statements whether the patient is developmentally unable to do the
 *                               ICE, each from its time on (docs/clinical-rules.md sections 3 and 8); those
 *                               before the infusion count too
 */
public record EpisodeFacts(Instant infusion, LocalDate birthDate, List<DevelopmentalInability> developmentalInability,
        List<Temperature> temperatures, List<BloodPressure> bloodPressures,
        List<VasopressorInfusion> vasopressors, List<OxygenSupport> oxygen,
        List<IceScore> iceScores, List<CapdScore> capdScores,
        List<ConsciousnessLevel> consciousness, List<Seizure> seizures,
        List<MotorFinding> motorFindings, List<NeuroImaging> imaging, List<IcpSign> icpSigns,
        List<OtherNeuroFinding> otherNeuroFindings, List<DrugDose> drugs,
        List<DeathAttribution> deaths) {

    public EpisodeFacts {
        Objects.requireNonNull(infusion, "infusion");
        developmentalInability = List.copyOf(developmentalInability);
        temperatures = List.copyOf(temperatures);
        bloodPressures = List.copyOf(bloodPressures);
        vasopressors = List.copyOf(vasopressors);
        oxygen = List.copyOf(oxygen);
        iceScores = List.copyOf(iceScores);
        capdScores = List.copyOf(capdScores);
        consciousness = List.copyOf(consciousness);
        seizures = List.copyOf(seizures);
        motorFindings = List.copyOf(motorFindings);
        imaging = List.copyOf(imaging);
        icpSigns = List.copyOf(icpSigns);
        otherNeuroFindings = List.copyOf(otherNeuroFindings);
        drugs = List.copyOf(drugs);
        deaths = List.copyOf(deaths);
    }

    public static Builder builder(Instant infusion) {
        return new Builder(infusion);
    }

    /** All facts, one list; handy for tests and for re-building an episode with other facts. */
    public List<Fact> allFacts() {
        List<Fact> all = new ArrayList<>();
        all.addAll(temperatures);
        all.addAll(bloodPressures);
        all.addAll(vasopressors);
        all.addAll(oxygen);
        all.addAll(iceScores);
        all.addAll(capdScores);
        all.addAll(consciousness);
        all.addAll(seizures);
        all.addAll(motorFindings);
        all.addAll(imaging);
        all.addAll(icpSigns);
        all.addAll(otherNeuroFindings);
        all.addAll(drugs);
        all.addAll(deaths);
        all.addAll(developmentalInability);
        return all;
    }

    /** Collects facts of any kind into an {@link EpisodeFacts}. */
    public static final class Builder {

        private final Instant infusion;
        private LocalDate birthDate;
        private final List<DevelopmentalInability> developmentalInability = new ArrayList<>();
        private final List<Temperature> temperatures = new ArrayList<>();
        private final List<BloodPressure> bloodPressures = new ArrayList<>();
        private final List<VasopressorInfusion> vasopressors = new ArrayList<>();
        private final List<OxygenSupport> oxygen = new ArrayList<>();
        private final List<IceScore> iceScores = new ArrayList<>();
        private final List<CapdScore> capdScores = new ArrayList<>();
        private final List<ConsciousnessLevel> consciousness = new ArrayList<>();
        private final List<Seizure> seizures = new ArrayList<>();
        private final List<MotorFinding> motorFindings = new ArrayList<>();
        private final List<NeuroImaging> imaging = new ArrayList<>();
        private final List<IcpSign> icpSigns = new ArrayList<>();
        private final List<OtherNeuroFinding> otherNeuroFindings = new ArrayList<>();
        private final List<DrugDose> drugs = new ArrayList<>();
        private final List<DeathAttribution> deaths = new ArrayList<>();

        private Builder(Instant infusion) {
            this.infusion = Objects.requireNonNull(infusion, "infusion");
        }

        public Builder birthDate(LocalDate value) {
            this.birthDate = value;
            return this;
        }

        public Builder add(Fact fact) {
            // Java 17 has no pattern switch; the fact hierarchy is sealed, so this chain is complete.
            if (fact instanceof Temperature f) {
                temperatures.add(f);
            } else if (fact instanceof BloodPressure f) {
                bloodPressures.add(f);
            } else if (fact instanceof VasopressorInfusion f) {
                vasopressors.add(f);
            } else if (fact instanceof OxygenSupport f) {
                oxygen.add(f);
            } else if (fact instanceof IceScore f) {
                iceScores.add(f);
            } else if (fact instanceof CapdScore f) {
                capdScores.add(f);
            } else if (fact instanceof ConsciousnessLevel f) {
                consciousness.add(f);
            } else if (fact instanceof Seizure f) {
                seizures.add(f);
            } else if (fact instanceof MotorFinding f) {
                motorFindings.add(f);
            } else if (fact instanceof NeuroImaging f) {
                imaging.add(f);
            } else if (fact instanceof IcpSign f) {
                icpSigns.add(f);
            } else if (fact instanceof OtherNeuroFinding f) {
                otherNeuroFindings.add(f);
            } else if (fact instanceof DrugDose f) {
                drugs.add(f);
            } else if (fact instanceof DeathAttribution f) {
                deaths.add(f);
            } else if (fact instanceof DevelopmentalInability f) {
                developmentalInability.add(f);
            } else {
                throw new IllegalArgumentException("unknown fact type: " + fact.getClass());
            }
            return this;
        }

        public Builder addAll(Iterable<? extends Fact> facts) {
            facts.forEach(this::add);
            return this;
        }

        public EpisodeFacts build() {
            return new EpisodeFacts(infusion, birthDate, developmentalInability, temperatures, bloodPressures,
                    vasopressors, oxygen, iceScores, capdScores, consciousness, seizures, motorFindings, imaging,
                    icpSigns, otherNeuroFindings, drugs, deaths);
        }
    }
}
