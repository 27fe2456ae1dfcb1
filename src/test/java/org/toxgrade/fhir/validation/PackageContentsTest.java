package org.toxgrade.fhir.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The package itself: its conformance resources, its terminology and its NPM metadata. */
class PackageContentsTest {

    private static final Path PROFILES_DIR = Path.of("fhir-profiles");
    private static final Path PACKAGE_DIR = PROFILES_DIR.resolve("package");
    private static final Set<String> PROFILED_TYPES = Set.of("Condition", "Flag", "Provenance");

    static Stream<ProfilePackage.PackageFile> conformanceFiles() {
        return ValidationFixtures.PACKAGE.conformanceFiles().stream();
    }

    /** The package's own conformance resources: all but fragments of external code systems (their owner's URL). */
    static Stream<ProfilePackage.PackageFile> ownConformanceFiles() {
        return conformanceFiles().filter(file -> !isExternalFragment((MetadataResource) file.resource()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conformanceFiles")
    void everyConformanceResourceIsItselfValid(ProfilePackage.PackageFile file) {
        ValidationResult result = ValidationFixtures.validator().validateWithResult(file.resource());
        List<SingleValidationMessage> errors = ValidationFixtures.errors(result);
        System.out.printf("%s: %d errors, %d warnings%n", file.fileName(), errors.size(),
                ValidationFixtures.count(result, ResultSeverityEnum.WARNING));
        assertTrue(errors.isEmpty(), file.fileName() + " has errors:" + ValidationFixtures.describe(errors));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownConformanceFiles")
    void everyConformanceResourceSitsUnderTheCanonicalBaseAndPackageVersion(ProfilePackage.PackageFile file) {
        MetadataResource resource = (MetadataResource) file.resource();
        String expectedUrl = ProfilePackage.CANONICAL_BASE + "/" + resource.fhirType() + "/"
                + resource.getIdElement().getIdPart();
        assertEquals(expectedUrl, resource.getUrl());
        assertEquals(ValidationFixtures.PACKAGE.version(), resource.getVersion());
        assertEquals(resource.fhirType() + "-" + resource.getIdElement().getIdPart() + ".json", file.fileName());
    }

    @Test
    void everyServiceCodeInAValueSetExistsInItsCodeSystem() {
        List<String> missing = new ArrayList<>();
        for (ValueSet valueSet : ValidationFixtures.PACKAGE.valueSets()) {
            for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
                if (!include.getSystem().startsWith(ProfilePackage.CANONICAL_BASE)) {
                    continue;
                }
                CodeSystem codeSystem = ValidationFixtures.PACKAGE.codeSystem(include.getSystem()).orElse(null);
                if (codeSystem == null) {
                    missing.add(valueSet.getUrl() + " includes unknown system " + include.getSystem());
                    continue;
                }
                Set<String> codes = codeSystem.getConcept().stream().map(CodeSystem.ConceptDefinitionComponent::getCode)
                        .collect(Collectors.toSet());
                include.getConcept().stream()
                        .filter(concept -> !codes.contains(concept.getCode()))
                        .forEach(concept -> missing
                                .add(valueSet.getUrl() + " -> " + include.getSystem() + "#" + concept.getCode()));
            }
        }
        assertTrue(missing.isEmpty(), "codes not in their CodeSystem: " + missing);
    }

    @Test
    void everyServiceCodeInAConceptMapExistsInItsCodeSystem() {
        List<String> missing = new ArrayList<>();
        for (ConceptMap conceptMap : ValidationFixtures.PACKAGE.conceptMaps()) {
            for (ConceptMap.ConceptMapGroupComponent group : conceptMap.getGroup()) {
                for (ConceptMap.SourceElementComponent element : group.getElement()) {
                    check(group.getSource(), element.getCode(), conceptMap, missing);
                    element.getTarget()
                            .forEach(target -> check(group.getTarget(), target.getCode(), conceptMap, missing));
                }
            }
        }
        assertTrue(missing.isEmpty(), "codes not in their CodeSystem: " + missing);
    }

    private static void check(String system, String code, ConceptMap conceptMap, List<String> missing) {
        if (!system.startsWith(ProfilePackage.CANONICAL_BASE)) {
            return;
        }
        boolean known = ValidationFixtures.PACKAGE.codeSystem(system)
                .map(cs -> cs.getConcept().stream().anyMatch(c -> c.getCode().equals(code)))
                .orElse(false);
        if (!known) {
            missing.add(conceptMap.getUrl() + " -> " + system + "#" + code);
        }
    }

    @Test
    void everyCodeSystemIsCompleteCaseSensitiveAndDefinesEveryConcept() {
        for (CodeSystem codeSystem : ValidationFixtures.PACKAGE.codeSystems()) {
            if (isExternalFragment(codeSystem)) {
                continue;
            }
            assertEquals(CodeSystem.CodeSystemContentMode.COMPLETE, codeSystem.getContent(), codeSystem.getUrl());
            assertTrue(codeSystem.getCaseSensitive(), codeSystem.getUrl());
            assertEquals(codeSystem.getConcept().size(), codeSystem.getCount(), codeSystem.getUrl() + " count");
            for (CodeSystem.ConceptDefinitionComponent concept : codeSystem.getConcept()) {
                assertTrue(concept.hasDisplay() && concept.hasDefinition(),
                        codeSystem.getUrl() + "#" + concept.getCode());
            }
        }
    }

    /**
     * A server without ICD-10-CM loaded reports a required ICD-10-CM binding as an error ("CodeSystem is unknown");
     * the package therefore carries a {@code content: fragment} copy of exactly the codes its ValueSets name: no code
     * missing (it would fail on such a server), none extra (the package does not speak for the rest of the system).
     */
    @Test
    void anExternalCodeSystemIsAFragmentOfExactlyTheCodesThePackageValueSetsUse() {
        List<CodeSystem> external = ValidationFixtures.PACKAGE.codeSystems().stream()
                .filter(cs -> !cs.getUrl().startsWith(ProfilePackage.CANONICAL_BASE)).toList();
        assertEquals(List.of("http://hl7.org/fhir/sid/icd-10-cm"), external.stream().map(CodeSystem::getUrl).toList());
        for (CodeSystem fragment : external) {
            assertEquals(CodeSystem.CodeSystemContentMode.FRAGMENT, fragment.getContent(), fragment.getUrl());
            assertTrue(fragment.getCaseSensitive(), fragment.getUrl());
            assertEquals(fragment.getConcept().size(), fragment.getCount(), fragment.getUrl() + " count");
            Set<String> used = new TreeSet<>();
            for (ValueSet valueSet : ValidationFixtures.PACKAGE.valueSets()) {
                valueSet.getCompose().getInclude().stream()
                        .filter(include -> fragment.getUrl().equals(include.getSystem()))
                        .flatMap(include -> include.getConcept().stream())
                        .forEach(concept -> used.add(concept.getCode()));
            }
            Set<String> defined = fragment.getConcept().stream().map(CodeSystem.ConceptDefinitionComponent::getCode)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(used, defined, fragment.getUrl() + ": the fragment and the ValueSets name other codes");
        }
    }

    private static boolean isExternalFragment(MetadataResource resource) {
        return resource instanceof CodeSystem codeSystem
                && codeSystem.getContent() == CodeSystem.CodeSystemContentMode.FRAGMENT
                && !codeSystem.getUrl().startsWith(ProfilePackage.CANONICAL_BASE);
    }

    @Test
    void examplesOfTheServiceOutputNameTheirProfile() {
        for (ProfilePackage.PackageFile example : ValidationFixtures.PACKAGE.exampleFiles()) {
            Resource resource = (Resource) example.resource();
            if (PROFILED_TYPES.contains(resource.fhirType())) {
                assertFalse(resource.getMeta().getProfile().isEmpty(), example.fileName() + " has no meta.profile");
                String profile = resource.getMeta().getProfile().get(0).getValue();
                assertTrue(ValidationFixtures.PACKAGE.structureDefinition(profile).isPresent(),
                        example.fileName() + " names unknown " + profile);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"package", "package/example"})
    void indexListsExactlyTheJsonFilesOfTheFolder(String folder) throws IOException {
        Path dir = PROFILES_DIR.resolve(folder);
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(dir)) {
            onDisk = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.startsWith(".") && !n.equals("package.json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        JsonNode index = new ObjectMapper().readTree(dir.resolve(".index.json").toFile());
        Set<String> indexed = new TreeSet<>();
        for (JsonNode entry : index.path("files")) {
            String fileName = entry.path("filename").asText();
            indexed.add(fileName);
            JsonNode resource = new ObjectMapper().readTree(dir.resolve(fileName).toFile());
            assertEquals(resource.path("resourceType").asText(), entry.path("resourceType").asText(), fileName);
            assertEquals(resource.path("id").asText(), entry.path("id").asText(), fileName);
            assertEquals(resource.path("url").asText(), entry.path("url").asText(), fileName);
        }
        assertEquals(onDisk, indexed, dir + "/.index.json is out of step with the folder");
    }

    @Test
    void packageJsonDeclaresR4AndTheCorePackage() throws IOException {
        JsonNode packageJson = new ObjectMapper().readTree(PACKAGE_DIR.resolve("package.json").toFile());
        assertEquals("org.toxgrade.fhir", packageJson.path("name").asText());
        assertEquals("0.1.0", packageJson.path("version").asText());
        assertEquals("4.0.1", packageJson.path("fhirVersions").path(0).asText());
        assertEquals("4.0.1", packageJson.path("dependencies").path("hl7.fhir.r4.core").asText());
        assertEquals(packageJson.path("name").asText(), ValidationFixtures.PACKAGE.name());
    }

    @Test
    void unconfirmedCodesAreMarkedInTheirValueSet() {
        ValueSet labs = ValidationFixtures.PACKAGE
                .valueSet(ProfilePackage.CANONICAL_BASE + "/ValueSet/laboratory-tests").orElseThrow();
        Set<String> unconfirmed = labs.getCompose().getIncludeFirstRep().getConcept().stream()
                .filter(c -> c.hasExtension(ProfilePackage.CANONICAL_BASE + "/StructureDefinition/code-unconfirmed"))
                .map(ValueSet.ConceptReferenceComponent::getCode)
                .collect(Collectors.toCollection(TreeSet::new));
        // Lactate and platelets (docs/clinical-rules.md section 7); the neutrophil counts 26499-4 and 753-4 marked
        // "(check)" in CLINICAL-SPEC section 9.
        assertEquals(new TreeSet<>(List.of("2524-7", "26499-4", "753-4", "777-3")), unconfirmed);
    }

    @Test
    void externalCodeSystemsAreWarningsNotErrors() {
        DomainResource temperature = (DomainResource) ValidationFixtures.PACKAGE.exampleFiles().stream()
                .filter(f -> f.fileName().equals("Observation-temperature-day8.json")).findFirst().orElseThrow()
                .resource();
        ValidationResult result = ValidationFixtures.validator().validateWithResult(temperature);
        assertTrue(result.getMessages().stream().anyMatch(m -> m.getSeverity() == ResultSeverityEnum.WARNING
                && m.getMessage().contains("http://loinc.org")), ValidationFixtures.describe(result.getMessages()));
        assertTrue(ValidationFixtures.errors(result).isEmpty());
    }
}
