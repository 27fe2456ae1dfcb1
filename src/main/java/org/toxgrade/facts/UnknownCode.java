package org.toxgrade.facts;

/**
 * A code the terminology could not place, with where it was seen. Not an error: the EHR may send
 * rows the service does not grade; the caller counts these per system so that a site sees which of
 * its codes still need a ConceptMap entry. Codes are terminology, not patient data.
 *
 * @param system the coding's system, or {@link #NO_SYSTEM} when the coding has none
 * @param code   the coding's code, or {@link #NO_CODE} when the element has no coded value (text only)
 */
public record UnknownCode(String system, String code, String fhirPath) {

    public static final String NO_SYSTEM = "(none)";
    public static final String NO_CODE = "(none)";
}
