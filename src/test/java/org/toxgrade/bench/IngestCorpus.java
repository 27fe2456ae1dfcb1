package org.toxgrade.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ingest benchmark's corpus, generated in code so that the service and a peer FHIR server are
 * measured on the same bytes: batch Bundles of Observations (temperature, blood pressure, ICE),
 * spread over patients, each patient's first Bundle also carrying its Patient and its CAR-T
 * infusion so that every write is derived as in production. Ids carry a run prefix so each run
 * stores new resources rather than redeliveries.
 */
public final class IngestCorpus {

    private static final Instant DAY0 = Instant.parse("2026-03-02T10:00:00Z");

    private IngestCorpus() {
    }

    /**
     * @param prefix       unique per run
     * @param observations Observations in all
     * @param perBundle    Observations per batch Bundle
     * @param patients     patients they are spread over (round robin by Bundle)
     */
    public static List<String> bundles(String prefix, int observations, int perBundle, int patients) {
        List<String> bundles = new ArrayList<>();
        int made = 0;
        for (int b = 0; made < observations; b++) {
            int patient = b % patients;
            String subject = prefix + "-p" + patient;
            StringBuilder entries = new StringBuilder();
            if (b < patients) {
                entries.append(entry("Patient", subject, patientJson(subject))).append(',');
                entries.append(entry("MedicationAdministration", subject + "-cart", infusion(subject))).append(',');
            }
            int n = Math.min(perBundle, observations - made);
            for (int i = 0; i < n; i++) {
                int k = made + i;
                // Spread over the first 30 days after infusion, one reading every few minutes.
                Instant at = DAY0.plusSeconds(60L * (k / patients) * 3);
                String id = prefix + "-o" + k;
                entries.append(entry("Observation", id, observation(id, subject, at, k)));
                if (i < n - 1) {
                    entries.append(',');
                }
            }
            made += n;
            bundles.add(batch(entries.toString()));
        }
        return bundles;
    }

    /**
     * The same history as an NDJSON file for {@code $import}: one patient's Patient, infusion and
     * {@code observations} Observations, one resource per line.
     */
    public static String ndjson(String prefix, int observations) {
        String subject = prefix + "-p0";
        StringBuilder out = new StringBuilder(observations * 600);
        out.append(patientJson(subject)).append('\n').append(infusion(subject)).append('\n');
        for (int k = 0; k < observations; k++) {
            out.append(observation(prefix + "-o" + k, subject, DAY0.plusSeconds(60L * k * 3), k)).append('\n');
        }
        return out.toString();
    }

    /** A batch Bundle of the given entries (comma-separated {@link #entry} JSON). */
    static String batch(String entries) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[" + entries + "]}";
    }

    /** A batch entry that PUTs the resource to its type and id. */
    static String entry(String type, String id, String resource) {
        return "{\"resource\":" + resource + ",\"request\":{\"method\":\"PUT\",\"url\":\"" + type + "/" + id + "\"}}";
    }

    private static String patientJson(String id) {
        return "{\"resourceType\":\"Patient\",\"id\":\"" + id
                + "\",\"gender\":\"female\",\"birthDate\":\"1980-05-01\"}";
    }

    private static String infusion(String subject) {
        return "{\"resourceType\":\"MedicationAdministration\",\"id\":\"" + subject
                + "-cart\",\"status\":\"completed\","
                + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://toxgrade.org/fhir/CodeSystem/"
                + "toxgrade-medication\",\"code\":\"car-t-product\"}]},\"subject\":{\"reference\":\"Patient/" + subject
                + "\"},\"effectivePeriod\":{\"start\":\"" + DAY0 + "\",\"end\":\"" + DAY0.plusSeconds(1800) + "\"}}";
    }

    /** One Observation: temperature, blood pressure or ICE by {@code k}; also sent alone (one more write). */
    static String observation(String id, String subject, Instant at, int k) {
        String head = "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\",\"subject\":"
                + "{\"reference\":\"Patient/" + subject + "\"},\"effectiveDateTime\":\"" + at + "\",";
        switch (k % 3) {
            case 0:
                return head + "\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/"
                        + "observation-category\",\"code\":\"vital-signs\"}]}],\"code\":{\"coding\":[{\"system\":"
                        + "\"http://loinc.org\",\"code\":\"8310-5\"}]},\"valueQuantity\":{\"value\":"
                        + String.format(Locale.ROOT, "%.1f", 36.5 + (k % 30) / 10.0)
                        + ",\"unit\":\"Cel\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"Cel\"}}";
            case 1:
                return head + "\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/"
                        + "observation-category\",\"code\":\"vital-signs\"}]}],\"code\":{\"coding\":[{\"system\":"
                        + "\"http://loinc.org\",\"code\":\"85354-9\"}]},\"component\":[" + pressure("8480-6",
                                100 + k % 40)
                        + "," + pressure("8462-4", 60 + k % 25) + "]}";
            default:
                return head + "\"code\":{\"coding\":[{\"system\":\"http://toxgrade.org/fhir/CodeSystem/"
                        + "toxgrade-observation\",\"code\":\"ice-score\"}]},\"valueInteger\":" + (10 - k % 3) + "}";
        }
    }

    private static String pressure(String loinc, int value) {
        return "{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"" + loinc + "\"}]},"
                + "\"valueQuantity\":{\"value\":" + value + ",\"unit\":\"mm[Hg]\",\"system\":"
                + "\"http://unitsofmeasure.org\",\"code\":\"mm[Hg]\"}}";
    }
}
