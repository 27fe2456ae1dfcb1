package org.toxgrade.derivation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When patients are re-derived besides right after their facts change. */
@ConfigMapping(prefix = "toxgrade.derivation")
public interface DerivationSettings {

    /** How often the sweeper looks for patients whose re-derivation is still owed (e.g. after a crash). */
    @WithDefault("10s")
    String sweepInterval();

    /**
     * How often a patient with an open episode is re-derived although nothing arrived: resolution
     * after the quiet period and flag periods depend on the passing of time.
     */
    @WithDefault("PT15M")
    Duration refreshInterval();

    /** Most patients one sweep re-derives. */
    @WithDefault("50")
    int sweepBatchSize();

    /**
     * Most patients whose decoded facts are kept in memory between derivations (each entry valid
     * for one facts version only); 0 turns the cache off and every derivation reads all facts.
     */
    @WithDefault("2000")
    int decodedFactsCachePatients();
}
