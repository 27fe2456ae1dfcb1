package org.toxgrade.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.SourceFiles;

/**
 * Every code of the service is defined once, in its package's catalogue, and means one thing: the
 * catalogues are the enums that implement {@link ErrorCode}, no other main source file spells a code,
 * and docs/error-codes.md lists each code with its meaning.
 */
class ErrorCatalogueTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern CATALOGUE = Pattern.compile("public enum (\\w+) implements ErrorCode\\b");
    private static final Pattern CODE_LITERAL = Pattern.compile("\"TG-[A-Z]+-?[0-9]");
    private static final Pattern CODE_FORMAT = Pattern.compile("TG-[A-Z]+-[0-9]{3}");

    private static final List<Class<?>> catalogues = new ArrayList<>();
    private static final List<ErrorCode> codes = new ArrayList<>();
    private static final List<Path> catalogueFiles = new ArrayList<>();

    @BeforeAll
    static void findCatalogues() throws Exception {
        for (Path file : SourceFiles.javaFiles(MAIN)) {
            Matcher m = CATALOGUE.matcher(Files.readString(file));
            if (m.find()) {
                String pkg = MAIN.relativize(file.getParent()).toString().replace('/', '.');
                Class<?> type = Class.forName(pkg + "." + m.group(1));
                catalogues.add(type);
                catalogueFiles.add(file);
                for (Object constant : type.getEnumConstants()) {
                    codes.add((ErrorCode) constant);
                }
            }
        }
    }

    @Test
    void everyPackageThatSpellsACodeHasItsCatalogue() {
        assertTrue(catalogues.size() >= 10, "catalogues found: " + catalogues);
        Map<String, Class<?>> byPackage = new HashMap<>();
        for (Class<?> type : catalogues) {
            Class<?> twin = byPackage.put(type.getPackageName(), type);
            assertNull(twin, () -> "two catalogues in " + type.getPackageName() + ": " + type + " and " + twin);
        }
    }

    @Test
    void noCodeIsDefinedTwice() {
        Map<String, ErrorCode> seen = new HashMap<>();
        for (ErrorCode code : codes) {
            ErrorCode twin = seen.put(code.code(), code);
            assertNull(twin, () -> code.code() + " is defined as " + name(twin) + " and as " + name(code));
        }
    }

    @Test
    void noMeaningHasTwoCodes() {
        Map<String, ErrorCode> seen = new HashMap<>();
        for (ErrorCode code : codes) {
            ErrorCode twin = seen.put(code.template(), code);
            assertNull(twin, () -> name(twin) + " and " + name(code) + " have the same message: " + code.template());
        }
    }

    @Test
    void codesFollowOneFormat() {
        for (ErrorCode code : codes) {
            assertTrue(CODE_FORMAT.matcher(code.code()).matches(), name(code) + ": " + code.code());
        }
    }

    @Test
    void refusalsCarryAStatusAndAnIssueTypeAndFailuresNeither() {
        for (ErrorCode code : codes) {
            if (code.status() == 0) {
                assertNull(code.issueType(), name(code));
            } else {
                assertTrue(code.status() >= 200 && code.status() < 600, name(code) + ": " + code.status());
                assertNotNull(code.issueType(), name(code));
            }
        }
    }

    @Test
    void noMainSourceSpellsACodeOutsideTheCatalogues() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : SourceFiles.javaFiles(MAIN)) {
            if (catalogueFiles.contains(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (CODE_LITERAL.matcher(lines.get(i)).find()) {
                    offenders.add(file + ":" + (i + 1));
                }
            }
        }
        assertEquals(List.of(), offenders, "codes spelled outside a catalogue");
    }

    @Test
    void theDocumentListsEveryCodeWithItsMeaning() throws IOException {
        String doc = Files.readString(Path.of("docs/error-codes.md"));
        List<String> missing = new ArrayList<>();
        for (ErrorCode code : codes) {
            if (!doc.contains(row(code))) {
                missing.add(row(code));
            }
        }
        assertEquals(List.of(), missing, "rows missing from docs/error-codes.md (in the catalogue's order)");
        Matcher documented = Pattern.compile("^\\| `(TG-[A-Z]+-[0-9]+)`", Pattern.MULTILINE).matcher(doc);
        while (documented.find()) {
            String value = documented.group(1);
            assertFalse(codes.stream().noneMatch(c -> c.code().equals(value)),
                    value + " is documented but no catalogue defines it");
        }
    }

    @Test
    void thePackageCodeSystemListsEveryCodeSoClientsCanSwitchOnIt() throws IOException {
        assertEquals(codeSystem(), Files.readString(CODE_SYSTEM),
                CODE_SYSTEM + " is out of step with the catalogues: regenerate it with ErrorCatalogueTest#main");
    }

    private static final Path CODE_SYSTEM = Path.of("fhir-profiles/package/CodeSystem-error-code.json");

    /** The CodeSystem of every code (OperationOutcome issue.details.coding), in the catalogues' order. */
    static String codeSystem() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode system = mapper.createObjectNode()
                .put("resourceType", "CodeSystem")
                .put("id", "error-code")
                .put("url", OperationOutcomes.CODE_SYSTEM)
                .put("version", "0.1.0")
                .put("name", "ToxGradeErrorCode")
                .put("title", "ToxGrade service codes")
                .put("status", "active")
                .put("experimental", false)
                .put("date", "2026-12-01")
                .put("publisher", "ToxGrade")
                .put("description",
                        "The codes of every refusal, warning, failure and operator event of the service, as "
                                + "OperationOutcome.issue.details.coding carries them (and issue.diagnostics starts with them). "
                                + "Written from the service's catalogues; docs/error-codes.md lists the same.")
                .put("caseSensitive", true)
                .put("content", "complete")
                .put("count", codes.size());
        ArrayNode concepts = system.putArray("concept");
        for (ErrorCode code : codes) {
            concepts.addObject().put("code", code.code()).put("display", code.template())
                    .put("definition", code.status() == 0
                            ? "Never answered as such: logged for the operator, or stops the start-up."
                            : "Answered with HTTP " + code.status() + " and issue type " + code.issueType().toCode()
                                    + ".");
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(system) + "\n";
    }

    /**
     * Writes docs/error-codes.md from the catalogues (run from the project root with the test class
     * path): one section per catalogue, one row per code, in the catalogue's order.
     */
    public static void main(String[] args) throws Exception {
        findCatalogues();
        StringBuilder doc = new StringBuilder("""
                # Codes

                Every refusal, failure and operator event of the service starts with one of these codes, so that
                it can be found with grep in a log or an OperationOutcome (`issue.diagnostics`). Each code is
                defined once, in its package's catalogue, and has one meaning. A status of `-` means the code is
                never answered as such: it is logged for the operator or stops the start-up. This page is
                written from the catalogues (`ErrorCatalogueTest#main`) and a test fails when it falls behind.
                """);
        for (Class<?> type : catalogues) {
            doc.append("\n## ").append(type.getSimpleName()).append(" (`").append(type.getPackageName())
                    .append("`)\n\n| code | status | message |\n|---|---|---|\n");
            for (Object constant : type.getEnumConstants()) {
                doc.append(row((ErrorCode) constant)).append('\n');
            }
        }
        Files.writeString(Path.of("docs/error-codes.md"), doc);
        Files.writeString(CODE_SYSTEM, codeSystem());
    }

    /** The documented row of a code: code, HTTP status (or "-"), message. */
    static String row(ErrorCode code) {
        return "| `" + code.code() + "` | " + (code.status() == 0 ? "-" : code.status()) + " | "
                + code.template().replace("|", "\\|") + " |";
    }

    private static String name(ErrorCode code) {
        return code.getClass().getSimpleName() + "." + ((Enum<?>) code).name();
    }

}
