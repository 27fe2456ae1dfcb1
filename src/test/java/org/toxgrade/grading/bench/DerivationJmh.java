package org.toxgrade.grading.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.toxgrade.episode.EpisodeConfig;
import org.toxgrade.episode.EpisodePlanner;
import org.toxgrade.episode.PatientDerivation;
import org.toxgrade.facts.CarTInfusion;
import org.toxgrade.facts.EpisodeFactsAssembler;
import org.toxgrade.facts.PatientFacts;
import org.toxgrade.flags.FlagConfig;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.EpisodeGrader;
import org.toxgrade.grading.EpisodeGrading;
import org.toxgrade.grading.GradingConfig;
import org.toxgrade.grading.fact.Fact;

/**
 * The cost of grading one episode, and of a patient's whole derivation (episodes, grading, flags),
 * as its history grows from 100 to 20,000 facts: what every write of a patient pays today. Run
 * with (README, "Grading engine"):
 * {@code ./mvnw -B -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath org.openjdk.jmh.Main DerivationJmh"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DerivationJmh {

    @Param({"100", "1000", "5000", "10000", "20000"})
    public int facts;

    private EpisodeFacts episode;
    private PatientFacts patient;
    private final GradingConfig grading = GradingConfig.defaults();
    private final org.toxgrade.episode.PatientDeriver deriver = new org.toxgrade.episode.PatientDeriver(
            new EpisodePlanner(EpisodeConfig.defaults(), ZoneOffset.UTC), EpisodeFactsAssembler.withDefaults(),
            GradingConfig.defaults(), FlagConfig.defaults(), org.toxgrade.grading.icaht.IcahtConfig.defaults());

    @Setup
    public void history() {
        List<Fact> history = SyntheticEpisode.factsAbout(11, facts);
        episode = SyntheticEpisode.episode(history);
        patient = PatientFacts.of(LocalDate.of(1970, 6, 1), history,
                List.of(new CarTInfusion("MedicationAdministration/cart", SyntheticEpisode.INFUSION)));
    }

    @Benchmark
    public EpisodeGrading gradeTheEpisode() {
        return EpisodeGrader.grade(episode, grading, SyntheticEpisode.asOf());
    }

    @Benchmark
    public PatientDerivation deriveThePatient() {
        return deriver.derive("Patient/bench", patient, SyntheticEpisode.asOf());
    }
}
