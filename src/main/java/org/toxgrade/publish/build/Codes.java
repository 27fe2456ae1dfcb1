package org.toxgrade.publish.build;

import org.toxgrade.fhir.validation.ProfilePackage;

/** The systems and codes the service's resources carry (fhir-profiles, docs/clinical-rules.md section 7). */
final class Codes {

    static final String BASE = "http://toxgrade.org/fhir";
    static final String DERIVED_RESULT = ProfilePackage.DERIVED_RESULT_IDENTIFIER_SYSTEM;
    static final String TOXGRADE_CONDITION = BASE + "/CodeSystem/toxgrade-condition";
    static final String ASTCT_GRADE = BASE + "/CodeSystem/astct-grade";
    static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String CONDITION_VER_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    static final String FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category";
    static final String FLAG_PRIORITY_EXTENSION = "http://hl7.org/fhir/StructureDefinition/flag-priority";
    static final String FLAG_PRIORITY_CODES = "http://hl7.org/fhir/flag-priority-code";
    static final String FLAG_DETAIL_EXTENSION = "http://hl7.org/fhir/StructureDefinition/flag-detail";
    static final String DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
    static final String PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    static final String CRS_PROFILE = BASE + "/StructureDefinition/toxgrade-crs-condition";
    static final String ICANS_PROFILE = BASE + "/StructureDefinition/toxgrade-icans-condition";
    static final String ICAHT_PROFILE = BASE + "/StructureDefinition/toxgrade-icaht-condition";
    static final String ICAHT_GRADE = BASE + "/CodeSystem/icaht-grade";
    static final String FLAG_PROFILE = BASE + "/StructureDefinition/toxgrade-neurotoxicity-flag";
    static final String PROVENANCE_PROFILE = BASE + "/StructureDefinition/toxgrade-derivation-provenance";
    /** The service itself, as author of what it derives. */
    static final String DEVICE = "Device/toxgrade";

    private Codes() {
    }
}
