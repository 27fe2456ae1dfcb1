package org.toxgrade.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.toxgrade.fhir.FhirJson;
import org.toxgrade.fhir.Hashes;

/**
 * The stored JSON and the content hash made from one encoding are exactly what encoding the
 * resource, and encoding a copy without meta, give: for every resource of the fixtures and seed
 * cases, without meta and with every kind of meta a sender sends.
 */
class ContentHashTest {

    private static final FhirJson JSON = new FhirJson(FhirContext.forR4());

    @Test
    void oneEncodingGivesTheStoredJsonAndTheHashOfTwo() throws IOException {
        List<Resource> resources = resources();
        assertTrue(resources.size() > 100, "fixtures and seeds: " + resources.size());
        for (Resource resource : resources) {
            for (Meta meta : metas()) {
                resource.setMeta(meta);
                resource.setId(resource.fhirType() + "/" + (resource.hasIdElement() && resource.getIdPart() != null
                        ? resource.getIdPart()
                        : "x-1"));
                Resource copy = resource.copy();
                copy.setMeta(null);
                String expectedJson = JSON.encode(resource);
                String expectedHash = Hashes.sha256(JSON.encode(copy));

                ContentHash.Encoded encoded = ContentHash.encode(JSON, resource);

                assertEquals(expectedJson, encoded.json());
                assertEquals(expectedHash, encoded.sha256(), expectedJson);
                assertEquals(expectedJson, JSON.encode(resource), "the resource keeps its meta");
            }
        }
    }

    private static List<Meta> metas() {
        Meta versioned = new Meta().setVersionId("7").setLastUpdated(Date.from(Instant.parse("2026-03-02T10:00:00Z")));
        Meta labelled = new Meta().addProfile("http://hospital.example.org/StructureDefinition/vitals");
        labelled.addTag("http://hospital.example.org/tags", "night-shift", "Night shift");
        labelled.addSecurity("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", "restricted");
        labelled.setSource("urn:hospital:flowsheet");
        java.util.ArrayList<Meta> metas = new java.util.ArrayList<>();
        metas.add(null);
        metas.add(new Meta());
        metas.add(versioned);
        metas.add(labelled);
        return metas;
    }

    private static List<Resource> resources() throws IOException {
        List<Resource> out = new ArrayList<>();
        for (Path folder : List.of(Path.of("src/test/resources/fixtures/ingest/valid"),
                Path.of("src/test/resources/seeds/pres"), Path.of("src/test/resources/seeds/polyradiculopathy"))) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    Resource resource = (Resource) JSON.parse(Files.readString(file));
                    if (resource instanceof Bundle bundle) {
                        bundle.getEntry().forEach(e -> out.add(e.getResource()));
                    } else {
                        out.add(resource);
                    }
                }
            }
        }
        return out;
    }
}
