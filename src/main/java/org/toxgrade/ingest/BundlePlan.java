package org.toxgrade.ingest;

import java.util.List;
import org.toxgrade.fhir.FhirException;

/**
 * A batch or transaction Bundle after parsing and checking: one plan per entry, in request order.
 * In a transaction no entry carries an error (one error refuses the whole Bundle).
 */
public record BundlePlan(boolean transaction, List<Entry> entries) {

    /** Either a write to perform or the reason this entry is refused. */
    public record Entry(int index, PreparedWrite write, FhirException error) {

        static Entry of(int index, PreparedWrite write) {
            return new Entry(index, write, null);
        }

        static Entry refused(int index, FhirException error) {
            return new Entry(index, null, error);
        }
    }
}
