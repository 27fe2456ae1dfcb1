package org.toxgrade.grading.icaht;

import java.util.Locale;

/** The two ICAHT gradings of an episode (EHA/EBMT consensus, Rejeski et al., Blood 2023;142:865). */
public enum IcahtPhase {

    /** Days 0 to 30 after infusion: graded by the duration of neutropenia. */
    EARLY,
    /** After day 30 (to day 100 by default): graded by the lowest confirmed ANC. */
    LATE;

    /** The phase's code where the service names it: Condition ids and codes, timeline keys. */
    public String code() {
        return "icaht-" + name().toLowerCase(Locale.ROOT);
    }
}
