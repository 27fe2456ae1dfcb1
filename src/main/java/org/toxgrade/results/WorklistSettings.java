package org.toxgrade.results;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The ward worklist ({@code GET /api/worklist}). */
@ConfigMapping(prefix = "toxgrade.worklist")
public interface WorklistSettings {

    /** An ICE assessment older than this is overdue (ASTCT monitoring: ICE at least twice a day while at risk). */
    @WithDefault("12h")
    Duration iceOverdueAfter();
}
