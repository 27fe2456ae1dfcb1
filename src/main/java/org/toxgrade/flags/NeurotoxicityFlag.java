package org.toxgrade.flags;

/**
 * The neurotoxicity flags of the service CodeSystem (docs/clinical-rules.md section 5), in CodeSystem
 * order, each with its fixed priority. The priority says how fast the bedside team should act,
 * not how sure the rule is:
 * <ul>
 *   <li>{@link FlagPriority#PH PH} for findings that need a response within the hour: grade 3-4
 *       ICANS (ICU-level care, high-dose steroids), seizures, cerebral oedema (the fatal form of
 *       ICANS), new motor weakness (oedema, stroke, myelitis and Guillain-Barre must be excluded
 *       now) and suspected PRES (blood pressure control, seizure precautions, MRI).</li>
 *   <li>{@link FlagPriority#PM PM} for findings that change today's plan: ICANS onset (ICE every
 *       shift, steroid threshold), a failed steroid taper, grade 3 hypertension on its own and
 *       delayed neurotoxicity.</li>
 *   <li>{@link FlagPriority#PL PL} for peripheral neurotoxicity without motor weakness: it needs a
 *       neurology work-up (EMG, lumbar puncture), not an urgent response; weakness raises
 *       {@link #MOTOR_WEAKNESS} at PH on its own.</li>
 * </ul>
 */
public enum NeurotoxicityFlag {

    ICANS_ONSET("icans-onset", "ICANS onset", FlagPriority.PM),
    ICANS_HIGH_GRADE("icans-high-grade", "High-grade ICANS", FlagPriority.PH),
    SEIZURE("seizure", "Seizure", FlagPriority.PH),
    CEREBRAL_EDEMA("cerebral-edema", "Cerebral oedema", FlagPriority.PH),
    MOTOR_WEAKNESS("motor-weakness", "Motor weakness", FlagPriority.PH),
    PRES_SUSPECTED("pres-suspected", "PRES suspected", FlagPriority.PH),
    STEROID_TAPER_REBOUND("steroid-taper-rebound", "Steroid taper rebound", FlagPriority.PM),
    DELAYED_NEUROTOXICITY("delayed-neurotoxicity", "Delayed neurotoxicity", FlagPriority.PM),
    PERIPHERAL_NEUROTOXICITY("peripheral-neurotoxicity", "Peripheral neurotoxicity", FlagPriority.PL),
    HYPERTENSION_GRADE3("hypertension-grade3", "Hypertension grade 3", FlagPriority.PM);

    /** Canonical URL of the service CodeSystem the codes belong to (docs/clinical-rules.md section 8). */
    public static final String SYSTEM = "http://toxgrade.org/fhir/CodeSystem/neurotoxicity-flag";

    private final String code;
    private final String display;
    private final FlagPriority priority;

    NeurotoxicityFlag(String code, String display, FlagPriority priority) {
        this.code = code;
        this.display = display;
        this.priority = priority;
    }

    public String code() {
        return code;
    }

    /** The display of the code in {@code fhir-profiles/package/CodeSystem-neurotoxicity-flag.json}. */
    public String display() {
        return display;
    }

    public FlagPriority priority() {
        return priority;
    }

    /** The flag with this CodeSystem code; throws for an unknown code. */
    public static NeurotoxicityFlag ofCode(String code) {
        for (NeurotoxicityFlag f : values()) {
            if (f.code.equals(code)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown neurotoxicity flag code: " + code);
    }
}
