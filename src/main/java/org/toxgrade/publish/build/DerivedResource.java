package org.toxgrade.publish.build;

import java.util.List;
import org.hl7.fhir.r4.model.DomainResource;

/**
 * One Condition or Flag the service derives, with what it needs around it.
 *
 * @param id the resource id in the service's read API, equal to the business identifier value
 * @param patient {@code Patient/x}
 * @param episodeKey the episode it belongs to
 * @param status a short status for filtering ({@code active}, {@code recurrence}, {@code resolved},
 *     {@code inactive})
 * @param sources the records (by reference) that made it, for evidence and provenance
 */
public record DerivedResource(String resourceType, String id, String patient, String episodeKey, String status,
        DomainResource resource, List<String> sources) {

    public DerivedResource {
        sources = List.copyOf(sources);
    }
}
