package org.toxgrade.ingest.rest;

/** The FHIR {@code Prefer: return=...} choices for what a write answers with. */
enum Prefer {

    MINIMAL, REPRESENTATION, OPERATION_OUTCOME;

    /** {@code Prefer: handling=strict}: refuse what the server would otherwise accept with a warning. */
    static boolean strict(String header) {
        if (header == null) {
            return false;
        }
        for (String part : header.split("[,;]")) {
            if (part.trim().equalsIgnoreCase("handling=strict")) {
                return true;
            }
        }
        return false;
    }

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
