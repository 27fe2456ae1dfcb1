package org.toxgrade.flags;

/**
 * FHIR R4 {@code flag-priority} codes ({@code http://hl7.org/fhir/flag-priority-code}), carried in
 * the {@code .../StructureDefinition/flag-priority} extension (docs/clinical-rules.md section 7).
 */
public enum FlagPriority {

    /** High priority: needs a bedside response now. */
    PH("High priority"),
    /** Medium priority: needs review today. */
    PM("Medium priority"),
    /** Low priority: needs a plan, not an urgent response. */
    PL("Low priority");

    private final String display;

    FlagPriority(String display) {
        this.display = display;
    }

    /** The code as written in the FHIR extension. */
    public String code() {
        return name();
    }

    public String display() {
        return display;
    }
}
