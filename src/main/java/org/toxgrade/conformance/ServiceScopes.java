package org.toxgrade.conformance;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.toxgrade.security.GrantedScopes;

/**
 * The SMART scopes this service understands, from what it offers: per type the v2 system scope of exactly
 * the interactions it answers ({@code system/Observation.cru}, {@code system/Condition.rs}), the v2 user scope
 * of its reads ({@code user/Condition.rs}), and its own scopes for {@code $grade} and the operator endpoints.
 */
final class ServiceScopes {

    private ServiceScopes() {
    }

    static List<String> supported() {
        List<String> scopes = new ArrayList<>();
        for (FhirEndpoints.Offer offer : FhirEndpoints.all()) {
            StringBuilder letters = new StringBuilder();
            if (offer.interactions().contains(TypeRestfulInteraction.CREATE)) {
                letters.append('c');
            }
            if (offer.interactions().contains(TypeRestfulInteraction.READ)
                    || offer.interactions().contains(TypeRestfulInteraction.VREAD)) {
                letters.append('r');
            }
            if (offer.interactions().contains(TypeRestfulInteraction.UPDATE)) {
                letters.append('u');
            }
            if (offer.interactions().contains(TypeRestfulInteraction.SEARCHTYPE)) {
                letters.append('s');
            }
            scopes.add("system/" + offer.type() + "." + letters);
            // user/ scopes read and search only (SmartScope): a signed-in clinician never writes.
            String reads = letters.toString().replaceAll("[cud]", "");
            if (!reads.isEmpty()) {
                scopes.add("user/" + offer.type() + "." + reads);
            }
        }
        scopes.add(GrantedScopes.GRADE_OPERATION);
        scopes.add(GrantedScopes.OPERATOR);
        return List.copyOf(scopes);
    }
}
