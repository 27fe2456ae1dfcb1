package org.toxgrade.ingest;

/** The FHIR write interactions the ingest endpoint performs. */
public enum Interaction {
    /** POST: the server assigns the id. */
    CREATE,
    /** PUT Type/id: the sender chooses the id; creates it if it is new. */
    UPDATE
}
