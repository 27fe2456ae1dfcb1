package org.toxgrade.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * The ToxGrade FHIR package ({@code fhir-profiles/package}) read from the classpath.
 *
 * <p>The JSON files are the source of truth. The files to read are listed in the NPM
 * {@code .index.json} of the package folder and of its {@code example/} folder, because a
 * classpath inside a jar cannot be listed. A test keeps the indexes in step with the folders.
 *
 * <p>Instances are immutable after {@link #load(FhirContext)}; the terminology mapping reads
 * the ValueSets and ConceptMaps from here, the validator the conformance resources.
 */
public final class ProfilePackage {

    /** Classpath folder of the package (NPM layout: package.json, .index.json, example/). */
    public static final String CLASSPATH_ROOT = "fhir-profiles/package/";
    /** Canonical base of every artifact the package defines. */
    public static final String CANONICAL_BASE = "http://toxgrade.org/fhir";
    /** Business identifier system of every Condition and Flag the service emits. */
    public static final String DERIVED_RESULT_IDENTIFIER_SYSTEM = CANONICAL_BASE + "/sid/derived-result";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String version;
    private final List<PackageFile> conformance;
    private final List<PackageFile> examples;

    /** One parsed file of the package. */
    public record PackageFile(String path, IBaseResource resource) {

        public String fileName() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        @Override
        public String toString() {
            return fileName();
        }
    }

    private ProfilePackage(String name, String version, List<PackageFile> conformance, List<PackageFile> examples) {
        this.name = name;
        this.version = version;
        this.conformance = List.copyOf(conformance);
        this.examples = List.copyOf(examples);
    }

    /** Reads the package from the classpath of this class. */
    public static ProfilePackage load(FhirContext ctx) {
        return load(ctx, ProfilePackage.class.getClassLoader());
    }

    public static ProfilePackage load(FhirContext ctx, ClassLoader classLoader) {
        JsonNode packageJson = readJson(classLoader, CLASSPATH_ROOT + "package.json");
        List<PackageFile> conformance = readIndexed(ctx, classLoader, CLASSPATH_ROOT);
        List<PackageFile> examples = readIndexed(ctx, classLoader, CLASSPATH_ROOT + "example/");
        return new ProfilePackage(packageJson.path("name").asText(), packageJson.path("version").asText(), conformance,
                examples);
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    /** CodeSystems, ValueSets, ConceptMaps and StructureDefinitions, in index order. */
    public List<PackageFile> conformanceFiles() {
        return conformance;
    }

    /** Example instances of the package ({@code example/}), in index order. */
    public List<PackageFile> exampleFiles() {
        return examples;
    }

    public List<CodeSystem> codeSystems() {
        return ofType(CodeSystem.class);
    }

    public List<ValueSet> valueSets() {
        return ofType(ValueSet.class);
    }

    public List<ConceptMap> conceptMaps() {
        return ofType(ConceptMap.class);
    }

    public List<StructureDefinition> structureDefinitions() {
        return ofType(StructureDefinition.class);
    }

    public Optional<CodeSystem> codeSystem(String url) {
        return codeSystems().stream().filter(r -> url.equals(r.getUrl())).findFirst();
    }

    public Optional<ValueSet> valueSet(String url) {
        return valueSets().stream().filter(r -> url.equals(r.getUrl())).findFirst();
    }

    public Optional<ConceptMap> conceptMap(String url) {
        return conceptMaps().stream().filter(r -> url.equals(r.getUrl())).findFirst();
    }

    public Optional<StructureDefinition> structureDefinition(String url) {
        return structureDefinitions().stream().filter(r -> url.equals(r.getUrl())).findFirst();
    }

    private <T extends IBaseResource> List<T> ofType(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (PackageFile file : conformance) {
            if (type.isInstance(file.resource())) {
                out.add(type.cast(file.resource()));
            }
        }
        return List.copyOf(out);
    }

    private static List<PackageFile> readIndexed(FhirContext ctx, ClassLoader classLoader, String folder) {
        JsonNode index = readJson(classLoader, folder + ".index.json");
        List<PackageFile> files = new ArrayList<>();
        for (JsonNode entry : index.path("files")) {
            String path = folder + entry.path("filename").asText();
            IParser parser = ctx.newJsonParser();
            try (InputStream in = open(classLoader, path)) {
                files.add(new PackageFile(path,
                        parser.parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
            } catch (IOException e) {
                throw new UncheckedIOException(ValidationError.PACKAGE_FILE_UNREADABLE.message(path), e);
            }
        }
        return files;
    }

    private static JsonNode readJson(ClassLoader classLoader, String path) {
        try (InputStream in = open(classLoader, path)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(ValidationError.PACKAGE_FILE_UNREADABLE.message(path), e);
        }
    }

    private static InputStream open(ClassLoader classLoader, String path) {
        InputStream in = classLoader.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(ValidationError.PACKAGE_NOT_ON_CLASSPATH.message(path));
        }
        return in;
    }
}
