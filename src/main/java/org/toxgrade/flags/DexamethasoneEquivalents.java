package org.toxgrade.flags;

import java.util.Locale;
import java.util.Map;
import org.toxgrade.grading.fact.DrugDose;

/**
 * The dose of a corticosteroid in milligrams of dexamethasone, the common measure in which a taper
 * or a switch to a weaker steroid shows as a lower number. The charted
 * {@link DrugDose#dexamethasoneEquivalentMg()} wins; otherwise the usual glucocorticoid
 * equivalences (dexamethasone 0.75 mg = methylprednisolone 4 mg = prednisone or prednisolone 5 mg
 * = hydrocortisone 20 mg) convert the dose from the agent's name. Unknown agents give {@code null}.
 */
final class DexamethasoneEquivalents {

    private static final Map<String, Double> PER_MG = Map.of(
            "dexamethasone", 1.0,
            "methylprednisolone", 0.75 / 4,
            "prednisone", 0.75 / 5,
            "prednisolone", 0.75 / 5,
            "hydrocortisone", 0.75 / 20);

    private DexamethasoneEquivalents() {
    }

    static Double of(DrugDose dose) {
        if (dose.dexamethasoneEquivalentMg() != null) {
            return dose.dexamethasoneEquivalentMg();
        }
        Double factor = PER_MG.get(agent(dose));
        return factor == null || dose.doseMg() == null ? null : dose.doseMg() * factor;
    }

    static String agent(DrugDose dose) {
        return dose.agent().trim().toLowerCase(Locale.ROOT);
    }
}
