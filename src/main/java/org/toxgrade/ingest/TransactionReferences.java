package org.toxgrade.ingest;

import ca.uhn.fhir.util.FhirTerser;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Resolves references between the entries of a transaction: a reference to another entry's
 * {@code fullUrl} (usually {@code urn:uuid:...}) becomes {@code Type/id} of the id that entry is
 * stored under, as the FHIR transaction rules require.
 */
final class TransactionReferences {

    private TransactionReferences() {
    }

    static void resolve(FhirTerser terser, Resource resource, Map<String, String> fullUrlToReference) {
        if (fullUrlToReference.isEmpty()) {
            return;
        }
        List<Reference> references = terser.getAllPopulatedChildElementsOfType(resource, Reference.class);
        for (Reference reference : references) {
            String target = fullUrlToReference.get(reference.getReference());
            if (target != null) {
                reference.setReference(target);
            }
        }
    }
}
