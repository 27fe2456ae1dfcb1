package org.toxgrade.facts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.fact.BloodPressure;
import org.toxgrade.grading.fact.ConsciousnessLevel;
import org.toxgrade.grading.fact.DrugDose;
import org.toxgrade.grading.fact.Fact;
import org.toxgrade.grading.fact.IceScore;
import org.toxgrade.grading.fact.MotorFinding;
import org.toxgrade.grading.fact.NeuroImaging;
import org.toxgrade.grading.fact.OtherNeuroFinding;
import org.toxgrade.grading.fact.Seizure;
import org.toxgrade.grading.fact.Temperature;
import org.toxgrade.grading.fact.VasopressorInfusion;

/**
 * A seed case read the way the service reads it: every day's transaction Bundle in day order, every
 * resource mapped, and a later version of a resource replacing the earlier one's facts. The one
 * encoding of each seed report: the fact, grading and flag tests and the end-to-end tests all read
 * these Bundles ({@code src/test/resources/seeds/<case>/}).
 */
public final class SeedCaseFacts {

    final List<Bundle> bundles = new ArrayList<>();
    final Map<String, FactExtraction> latestBySource = new LinkedHashMap<>();

    /** The Bundles of {@code seeds/<folder>}, mapped. */
    public static SeedCaseFacts read(String folder) {
        try {
            return new SeedCaseFacts(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The episode facts of the case's infusion, assembled as the service assembles them. */
    public EpisodeFacts episodeFacts() {
        return EpisodeFactsAssembler.withDefaults().assemble(infusion(), patientFacts());
    }

    SeedCaseFacts(String folder) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(FactsFixtures.path("seeds/" + folder))) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            Bundle bundle = FactsFixtures.CONTEXT.newJsonParser().parseResource(Bundle.class, Files.readString(file));
            bundles.add(bundle);
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                FactExtraction extraction = FactsFixtures.MAPPER.map(entry.getResource());
                latestBySource.remove(extraction.source());
                latestBySource.put(extraction.source(), extraction);
            }
        }
    }

    public Instant infusion() {
        return latestBySource.values().stream().flatMap(e -> e.infusion().stream()).map(CarTInfusion::time)
                .findFirst().orElseThrow();
    }

    PatientFacts patientFacts() {
        List<Fact> facts = new ArrayList<>();
        List<ContextFact> context = new ArrayList<>();
        LocalDate birthDate = null;
        for (FactExtraction e : latestBySource.values()) {
            facts.addAll(e.facts());
            context.addAll(e.contextFacts());
            birthDate = e.birthDate().orElse(birthDate);
        }
        return PatientFacts.of(birthDate, facts, context);
    }

    /** Readable signatures of every fact per day after infusion (UTC calendar days). */
    Map<Integer, List<String>> signaturesByDay() {
        LocalDate day0 = infusion().atZone(ZoneOffset.UTC).toLocalDate();
        Map<Integer, List<String>> out = new TreeMap<>();
        for (FactExtraction e : latestBySource.values()) {
            List<Object> all = new ArrayList<>(e.facts());
            all.addAll(e.contextFacts());
            e.infusion().ifPresent(all::add);
            for (Object fact : all) {
                Instant time = fact instanceof Fact f ? f.time() : ((ContextFact) fact).time();
                int day = (int) ChronoUnit.DAYS.between(day0, time.atZone(ZoneOffset.UTC).toLocalDate());
                out.computeIfAbsent(day, d -> new ArrayList<>()).add(signature(fact, day0));
            }
        }
        return out;
    }

    static String signature(Object fact, LocalDate day0) {
        if (fact instanceof Temperature t) {
            return String.format(Locale.ROOT, "temperature %.1f C", t.celsius());
        }
        if (fact instanceof BloodPressure b) {
            return String.format(Locale.ROOT, "bp %.0f/%.0f", b.systolic(), b.diastolic());
        }
        if (fact instanceof VasopressorInfusion v) {
            return "vasopressor " + v.agent() + " day " + day(v.start(), day0) + " to "
                    + (v.end() == null ? "running" : "day " + day(v.end(), day0));
        }
        if (fact instanceof IceScore i) {
            return i.score() == null ? "ice unable" : "ice " + i.score();
        }
        if (fact instanceof ConsciousnessLevel c) {
            return "loc " + c.level();
        }
        if (fact instanceof Seizure s) {
            return "seizure " + s.kind();
        }
        if (fact instanceof NeuroImaging n) {
            return "imaging " + n.finding();
        }
        if (fact instanceof MotorFinding m) {
            return "motor " + m.kind();
        }
        if (fact instanceof OtherNeuroFinding o) {
            return "neuro " + o.kind();
        }
        if (fact instanceof DrugDose d) {
            String dose = d.doseMg() == null ? "" : String.format(Locale.ROOT, " %.0f mg", d.doseMg());
            String dex = d.dexamethasoneEquivalentMg() == null
                    ? ""
                    : String.format(Locale.ROOT, " (dex %.2f mg)", d.dexamethasoneEquivalentMg());
            return d.category() + " " + d.agent() + dose + dex;
        }
        if (fact instanceof LabResult l) {
            return String.format(Locale.ROOT, "lab %s %.1f %s", l.loincCode(), l.value(), l.unit());
        }
        if (fact instanceof CarTInfusion) {
            return "car-t infusion";
        }
        return fact.getClass().getSimpleName();
    }

    private static long day(Instant t, LocalDate day0) {
        return ChronoUnit.DAYS.between(day0, t.atZone(ZoneOffset.UTC).toLocalDate());
    }
}
