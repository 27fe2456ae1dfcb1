package org.toxgrade.flags;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.toxgrade.facts.SeedCaseFacts;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.cases.CaseClock;

/**
 * The facts of the PRES seed case (docs/clinical-rules.md section 6) as the flag tests use them: the
 * FHIR Bundles of {@code src/test/resources/seeds/pres/} that the end-to-end test sends, mapped and
 * assembled as the service does, so the unit scenario and the end-to-end test read one encoding.
 */
final class SeedScenarios {

    /** Infusion of the PRES seed encoding: day 0 is 2026-03-02, infusion 10:00 UTC. */
    static final CaseClock TIME = new CaseClock(LocalDateTime.parse("2026-03-02T10:00"), ZoneOffset.UTC);

    private SeedScenarios() {
    }

    static EpisodeFacts pres() {
        EpisodeFacts facts = SeedCaseFacts.read("pres").episodeFacts();
        if (!facts.infusion().equals(TIME.infusionInstant())) {
            throw new IllegalStateException("the PRES seed moved its infusion: " + facts.infusion());
        }
        return facts;
    }
}
