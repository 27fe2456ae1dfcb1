package org.toxgrade.facts;

import java.util.Map;
import java.util.Optional;
import org.toxgrade.grading.fact.VasopressorInfusion;

/**
 * Drug codes of the package ValueSets (RxNorm ingredients of docs/clinical-rules.md section 7 and the codes the
 * package adds, e.g. ibuprofen, prednisolone, IVIG and the sedatives of section 3, plus the service's
 * own {@code toxgrade-medication} codes for agents without a confirmed RxNorm code, e.g. siltuximab)
 * to the agent names and potencies the facts carry. Codes are keyed without their system: the
 * service's own codes are words, RxNorm codes numbers, so they cannot meet. Class membership comes
 * from the package ValueSets (a site can add a code there); this table only names agents, and a
 * ValueSet code missing here is reported as TG-FACT-042 rather than graded with a guessed potency.
 */
final class DrugAgents {

    /**
     * Dexamethasone-equivalent mg per mg of agent, from the standard glucocorticoid equivalences
     * dexamethasone 0.75 mg = methylprednisolone 4 mg = prednisone 5 mg = prednisolone 5 mg =
     * hydrocortisone 20 mg (e.g. Lexicomp / BNF corticosteroid equivalence tables: prednisolone and
     * prednisone are equipotent). They make tapers and switches to a weaker steroid visible on one
     * scale (docs/clinical-rules.md section 5, steroid-taper-rebound).
     */
    private static final Map<String, Double> DEXAMETHASONE_EQUIVALENT_PER_MG = Map.of(
            "3264", 1.0, // dexamethasone
            "6902", 0.75 / 4.0, // methylprednisolone
            "8640", 0.75 / 5.0, // prednisone
            "8638", 0.75 / 5.0, // prednisolone
            "5492", 0.75 / 20.0); // hydrocortisone

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("3264", "dexamethasone"),
            Map.entry("6902", "methylprednisolone"),
            Map.entry("8640", "prednisone"),
            Map.entry("8638", "prednisolone"),
            Map.entry("5492", "hydrocortisone"),
            Map.entry("7512", "norepinephrine"),
            Map.entry("3992", "epinephrine"),
            Map.entry("11149", "vasopressin"),
            Map.entry("8163", "phenylephrine"),
            Map.entry("3628", "dopamine"),
            Map.entry("612865", "tocilizumab"),
            Map.entry("72435", "anakinra"),
            Map.entry("siltuximab", "siltuximab"), // toxgrade-medication: no RxNorm code confirmed
            Map.entry("161", "acetaminophen"),
            Map.entry("5640", "ibuprofen"),
            Map.entry("42386", "intravenous immunoglobulin"),
            Map.entry("68442", "filgrastim"),
            Map.entry("338036", "pegfilgrastim"),
            Map.entry("114477", "levetiracetam"),
            // Sedatives (docs/clinical-rules.md section 3), by class as in ValueSet-sedatives.json.
            Map.entry("6960", "midazolam"),
            Map.entry("6470", "lorazepam"),
            Map.entry("3322", "diazepam"),
            Map.entry("8782", "propofol"),
            Map.entry("48937", "dexmedetomidine"),
            Map.entry("7052", "morphine"),
            Map.entry("4337", "fentanyl"),
            Map.entry("3423", "hydromorphone"),
            Map.entry("7804", "oxycodone"),
            Map.entry("73032", "remifentanil"),
            Map.entry("56795", "sufentanil"),
            Map.entry("5093", "haloperidol"),
            Map.entry("51272", "quetiapine"),
            Map.entry("61381", "olanzapine"),
            Map.entry("35636", "risperidone"),
            Map.entry("3498", "diphenhydramine"),
            Map.entry("5553", "hydroxyzine"),
            Map.entry("8745", "promethazine"),
            Map.entry("6130", "ketamine"));

    private static final Map<String, VasopressorInfusion.Agent> VASOPRESSORS = Map.of(
            "7512", VasopressorInfusion.Agent.NOREPINEPHRINE,
            "3992", VasopressorInfusion.Agent.EPINEPHRINE,
            "11149", VasopressorInfusion.Agent.VASOPRESSIN,
            "8163", VasopressorInfusion.Agent.PHENYLEPHRINE,
            "3628", VasopressorInfusion.Agent.DOPAMINE);

    private DrugAgents() {
    }

    static Optional<String> name(String rxnormCode) {
        return Optional.ofNullable(NAMES.get(rxnormCode));
    }

    static Optional<VasopressorInfusion.Agent> vasopressor(String rxnormCode) {
        return Optional.ofNullable(VASOPRESSORS.get(rxnormCode));
    }

    static Optional<Double> dexamethasoneEquivalentPerMg(String rxnormCode) {
        return Optional.ofNullable(DEXAMETHASONE_EQUIVALENT_PER_MG.get(rxnormCode));
    }
}
