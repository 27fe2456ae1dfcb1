package org.toxgrade.ingest.rest;

/** The FHIR {@code Prefer: return=...} choices for what a write answers with. */
enum Prefer {

    MINIMAL, REPRESENTATION, OPERATION_OUTCOME;

    static Prefer of(String header) {
        if (header == null) {
            return REPRESENTATION;
        }
        for (String part : header.split("[,;]")) {
            String p = part.trim();
            if (p.equalsIgnoreCase("return=minimal")) {
                return MINIMAL;
            }
            if (p.equalsIgnoreCase("return=OperationOutcome")) {
                return OPERATION_OUTCOME;
            }
        }
        return REPRESENTATION;
    }
}
