package org.toxgrade.flags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.toxgrade.flags.cases.CaseFactReader;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.cases.CaseClock;
import org.toxgrade.grading.cases.GradingCase;
import org.toxgrade.grading.fact.Fact;

/** The facts of the two seed cases (docs/clinical-rules.md section 6) as the flag tests use them. */
final class SeedScenarios {

    /** Infusion of both seed encodings: the grading tables' default, 2024-03-04T10:00 UTC. */
    static final CaseClock TIME = new CaseClock(LocalDateTime.parse("2024-03-04T10:00"), ZoneOffset.UTC);

    private SeedScenarios() {
    }

    /**
     * The PRES seed: the facts of {@code grading/seed-pres-case.json}, read by the grading's own
     * case loader, plus {@code flags/seeds/pres-supplement.json} (baseline, steroid course).
     */
    static EpisodeFacts pres() {
        GradingCase seed = GradingCase.all().stream()
                .filter(c -> c.file().equals("seed-pres-case.json"))
                .findFirst().orElseThrow();
        if (!seed.facts().infusion().equals(TIME.infusionInstant())) {
            throw new IllegalStateException("the PRES seed moved its infusion: " + seed.facts().infusion());
        }
        List<Fact> facts = new ArrayList<>(seed.facts().allFacts());
        facts.addAll(CaseFactReader.read(json("/flags/seeds/pres-supplement.json").path("facts"), TIME));
        return EpisodeFacts.builder(seed.facts().infusion()).birthDate(seed.facts().birthDate()).addAll(facts).build();
    }

    private static JsonNode json(String resource) {
        try (InputStream in = SeedScenarios.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
