package org.toxgrade.fhir;

import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/**
 * One search parameter an endpoint takes. The endpoints parse their query against a table of these and
 * the CapabilityStatement declares the same table, so neither can name a parameter the other lacks.
 *
 * @param definition the canonical URL of the FHIR R4 SearchParameter it implements, or null for the
 *                   result parameters ({@code _count}, {@code _sort} ...) and the service's own
 */
public record SearchParam(String name, SearchParamType type, String definition, String documentation) {
}
