package org.toxgrade.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxgrade.support.SeedCases;

/**
 * Derivation from the facts kept in memory gives what a derivation from every stored fact gives
 * ({@link DecodedFactsCache}): a seed case is sent day by day, each day derived from memory updated
 * by the write, then memory is cleared and the patient derived again from the database: nothing
 * may change.
 */
@QuarkusTest
class DecodedFactsEqualResultsTest {

    @Inject
    DerivationService derivation;

    @Inject
    DecodedFactsCache cache;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pres, pres-, eqr-pres-, eqr-pres-case", "polyradiculopathy, polyrad-, eqr-poly-, eqr-poly-case"})
    void derivingFromMemoryEqualsDerivingFromEveryStoredFact(String seed, String prefix, String renamed,
            String patient) {
        long hitsBefore = cache.hits();
        SeedCases.post(SeedCases.renamed(SeedCases.days(seed), prefix, renamed));
        assertTrue(cache.hits() > hitsBefore, "the day-by-day derivations were served from memory");

        List<?> fromMemory = derivation.derive("Patient/" + patient).await().indefinitely();
        assertEquals(List.of(), fromMemory, "derived again from memory, nothing changes");

        cache.clear();
        long missesBefore = cache.misses();
        List<?> fromDatabase = derivation.derive("Patient/" + patient).await().indefinitely();
        assertTrue(cache.misses() > missesBefore, "derived from the database");
        assertEquals(List.of(), fromDatabase, "every stored fact, read and decoded, gives the same results");
    }
}
