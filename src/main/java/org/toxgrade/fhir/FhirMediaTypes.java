package org.toxgrade.fhir;

/** The media types the FHIR endpoint speaks. JSON only: no XML parser is exposed to callers. */
public final class FhirMediaTypes {

    public static final String FHIR_JSON = "application/fhir+json";
    public static final String JSON = "application/json";
    /** What every FHIR answer carries. */
    public static final String FHIR_JSON_UTF8 = FHIR_JSON + ";charset=UTF-8";

    private FhirMediaTypes() {
    }
}
