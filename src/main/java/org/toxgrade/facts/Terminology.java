package org.toxgrade.facts;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;
import org.hl7.fhir.r4.model.ValueSet;
import org.toxgrade.fhir.validation.ProfilePackage;

/**
 * Which contract concept a code is, answered from the package ValueSets (docs/clinical-rules.md section 7:
 * "every binding is a ValueSet or ConceptMap in fhir-profiles/ so that a site can map its own
 * flowsheet codes without a code change").
 *
 * <p>Resolution of a CodeableConcept: its codings are tried in order; each coding is first
 * translated by the site ConceptMap when the map has it (targets with equivalence
 * {@code unmatched} or {@code disjoint} are ignored), then looked up in the ValueSets. The first
 * coding that lands in a candidate ValueSet wins; other codings of the same concept are not
 * reported. When none lands, every coding is reported as an {@link UnknownCode}: not an error.
 *
 * <p>Built once at start-up and immutable afterwards; safe to share between threads.
 */
public final class Terminology {

    /** A coding placed in a concept: the contract system and code after the site map. */
    public record Match(Concept concept, String system, String code) {
    }

    /** The answer for one CodeableConcept: a match, or the codes that could not be placed. */
    public record Resolution(Optional<Match> match, List<UnknownCode> unknown) {

        public boolean matched() {
            return match.isPresent();
        }

        public Concept concept() {
            return match.map(Match::concept).orElseThrow();
        }

        public String code() {
            return match.map(Match::code).orElseThrow();
        }
    }

    private static final Set<ConceptMapEquivalence> NOT_A_MAPPING = EnumSet.of(ConceptMapEquivalence.UNMATCHED,
            ConceptMapEquivalence.DISJOINT);

    /** "system|code" to the ValueSet ids that contain it. */
    private final Map<String, Set<String>> valueSetsByCode;
    /** Site "system|code" to contract codings, in map order. */
    private final Map<String, List<Coding>> siteMap;

    private Terminology(Map<String, Set<String>> valueSetsByCode, Map<String, List<Coding>> siteMap) {
        this.valueSetsByCode = valueSetsByCode;
        this.siteMap = siteMap;
    }

    /** Builds the terminology from the package, parsing a site map with the cached R4 context. */
    public static Terminology load(ProfilePackage pkg, Optional<Path> siteConceptMap) {
        return load(pkg, siteConceptMap, FhirContext.forR4Cached());
    }

    /**
     * Builds the terminology from the package and, when given, a site ConceptMap file (JSON). A
     * site file that is missing, unreadable, not a ConceptMap, or maps to a code no package
     * ValueSet holds is a start-up error ({@code TG-FACT-09x}): a silently ignored site map would
     * leave every local row ungraded.
     */
    public static Terminology load(ProfilePackage pkg, Optional<Path> siteConceptMap, FhirContext context) {
        Map<String, Set<String>> index = indexValueSets(pkg);
        Map<String, List<Coding>> site = siteConceptMap.map(p -> readSiteMap(p, context, index)).orElse(Map.of());
        return new Terminology(index, site);
    }

    /** Which of the candidate concepts the CodeableConcept is. */
    public Resolution resolve(CodeableConcept concept, Collection<Concept> candidates, String fhirPath) {
        for (Coding coding : concept.getCoding()) {
            for (Coding contract : translate(coding)) {
                Set<String> sets = valueSetsByCode.getOrDefault(key(contract.getSystem(), contract.getCode()),
                        Set.of());
                for (Concept candidate : candidates) {
                    if (sets.contains(candidate.valueSetId())) {
                        return new Resolution(
                                Optional.of(new Match(candidate, contract.getSystem(), contract.getCode())), List.of());
                    }
                }
            }
        }
        return new Resolution(Optional.empty(), unknown(concept, fhirPath));
    }

    /**
     * The contract code of a coded value (e.g. {@code Observation.valueCodeableConcept}) when it is
     * in the given package ValueSet (by id, e.g. {@code oxygen-devices}).
     */
    public Resolution resolveValue(CodeableConcept value, String valueSetId, String fhirPath) {
        for (Coding coding : value.getCoding()) {
            for (Coding contract : translate(coding)) {
                if (valueSetsByCode.getOrDefault(key(contract.getSystem(), contract.getCode()), Set.of())
                        .contains(valueSetId)) {
                    return new Resolution(Optional.of(new Match(null, contract.getSystem(), contract.getCode())),
                            List.of());
                }
            }
        }
        return new Resolution(Optional.empty(), unknown(value, fhirPath));
    }

    private List<Coding> translate(Coding coding) {
        List<Coding> mapped = siteMap.get(key(coding.getSystem(), coding.getCode()));
        return mapped != null ? mapped : List.of(coding);
    }

    private static List<UnknownCode> unknown(CodeableConcept concept, String fhirPath) {
        if (concept.getCoding().isEmpty()) {
            return List.of(new UnknownCode(UnknownCode.NO_SYSTEM, UnknownCode.NO_CODE, fhirPath));
        }
        List<UnknownCode> out = new ArrayList<>();
        for (Coding coding : concept.getCoding()) {
            out.add(new UnknownCode(coding.hasSystem() ? coding.getSystem() : UnknownCode.NO_SYSTEM,
                    coding.hasCode() ? coding.getCode() : UnknownCode.NO_CODE, fhirPath));
        }
        return List.copyOf(out);
    }

    private static String key(String system, String code) {
        return system + "|" + code;
    }

    /** Expands every package ValueSet: listed concepts, or every concept of a package CodeSystem. */
    private static Map<String, Set<String>> indexValueSets(ProfilePackage pkg) {
        Map<String, Set<String>> index = new HashMap<>();
        for (ValueSet valueSet : pkg.valueSets()) {
            String id = valueSet.getIdElement().getIdPart();
            for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
                List<String> codes = new ArrayList<>();
                if (include.hasConcept()) {
                    include.getConcept().forEach(c -> codes.add(c.getCode()));
                } else {
                    CodeSystem codeSystem = pkg.codeSystem(include.getSystem())
                            .orElseThrow(() -> new IllegalStateException(
                                    FactError.VALUE_SET_SYSTEM_UNDEFINED.message(id, include.getSystem())));
                    codeSystem.getConcept().forEach(c -> codes.add(c.getCode()));
                }
                for (String code : codes) {
                    index.computeIfAbsent(key(include.getSystem(), code), k -> new HashSet<>()).add(id);
                }
            }
        }
        Map<String, Set<String>> frozen = new HashMap<>();
        index.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return Map.copyOf(frozen);
    }

    private static Map<String, List<Coding>> readSiteMap(Path path, FhirContext context,
            Map<String, Set<String>> index) {
        String json;
        try {
            json = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(FactError.SITE_MAP_UNREADABLE.message(path), e);
        }
        IBaseResource parsed;
        try {
            parsed = context.newJsonParser().parseResource(json);
        } catch (DataFormatException e) {
            throw new IllegalStateException(FactError.SITE_MAP_NOT_A_CONCEPT_MAP.message(path, "not FHIR R4 JSON"), e);
        }
        if (!(parsed instanceof ConceptMap map)) {
            throw new IllegalStateException(
                    FactError.SITE_MAP_NOT_A_CONCEPT_MAP.message(path, "it holds a " + parsed.fhirType()));
        }
        Map<String, List<Coding>> out = new LinkedHashMap<>();
        for (ConceptMap.ConceptMapGroupComponent group : map.getGroup()) {
            for (ConceptMap.SourceElementComponent element : group.getElement()) {
                for (ConceptMap.TargetElementComponent target : element.getTarget()) {
                    if (NOT_A_MAPPING.contains(target.getEquivalence())) {
                        continue;
                    }
                    if (!index.containsKey(key(group.getTarget(), target.getCode()))) {
                        // README: "Only map to codes that exist in the contract CodeSystems and ValueSets".
                        throw new IllegalStateException(FactError.SITE_MAP_TARGET_UNKNOWN.message(path,
                                group.getSource(), element.getCode(), group.getTarget(), target.getCode()));
                    }
                    out.computeIfAbsent(key(group.getSource(), element.getCode()), k -> new ArrayList<>())
                            .add(new Coding(group.getTarget(), target.getCode(), null));
                }
            }
        }
        Map<String, List<Coding>> frozen = new LinkedHashMap<>();
        out.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return Map.copyOf(frozen);
    }
}
