package org.toxgrade.support;

import static org.toxgrade.support.Api.asEhr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hamcrest.Matchers;

/**
 * Patients with a CAR-T infusion on 2025-03-03 and a fever of 39.2 C that evening: each gets one CRS
 * grade 1 Condition, {@code ep-...-crs}, with onset 2025-03-03T20:00:00Z. Sent through the normal
 * ingest ({@code fixtures/search/fever-patient-entries.json}), so the service grades them itself.
 */
public final class FeverPatients {

    private static final String ENTRIES = read();

    private FeverPatients() {
    }

    /** Sends the patients in batch Bundles of {@code perBundle} patients. */
    public static void send(List<String> patients, int perBundle) {
        for (int from = 0; from < patients.size(); from += perBundle) {
            List<String> entries = new ArrayList<>();
            for (String patient : patients.subList(from, Math.min(patients.size(), from + perBundle))) {
                String array = ENTRIES.replace("PATIENT", patient).trim();
                entries.add(array.substring(1, array.length() - 1));
            }
            String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":["
                    + String.join(",", entries) + "]}";
            asEhr().contentType("application/fhir+json").body(bundle).when().post("/fhir")
                    .then().statusCode(200)
                    .body("entry.response.status", Matchers.everyItem(
                            Matchers.anyOf(Matchers.startsWith("200"), Matchers.startsWith("201"))));
        }
    }

    private static String read() {
        try {
            return Files.readString(Path.of("src/test/resources/fixtures/search/fever-patient-entries.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
