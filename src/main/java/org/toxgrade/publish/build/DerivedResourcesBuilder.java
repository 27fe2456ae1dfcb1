package org.toxgrade.publish.build;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.toxgrade.episode.EpisodeDerivation;
import org.toxgrade.episode.PatientDerivation;
import org.toxgrade.flags.FlagOccurrence;
import org.toxgrade.grading.Syndrome;
import org.toxgrade.grading.icaht.IcahtPhase;

/** Every Condition and Flag a patient's derivation calls for, in a stable order. */
public final class DerivedResourcesBuilder {

    private final ConditionBuilder conditions;
    private final IcahtConditionBuilder icaht = new IcahtConditionBuilder();
    private final FlagBuilder flags = new FlagBuilder();

    public DerivedResourcesBuilder(ZoneId zone) {
        this.conditions = new ConditionBuilder(zone);
    }

    /**
     * @param recordedDate the date each Condition was first recorded, by id (the stored path keeps
     *     the first; {@code $grade} passes its own time)
     */
    public List<DerivedResource> build(PatientDerivation derivation, Function<String, Instant> recordedDate) {
        List<DerivedResource> resources = new ArrayList<>();
        for (EpisodeDerivation episode : derivation.episodes()) {
            for (Syndrome syndrome : Syndrome.values()) {
                String id = SyndromeCodings.conditionId(episode.window().key(), syndrome);
                conditions.build(derivation.patient(), episode, syndrome, recordedDate.apply(id))
                        .ifPresent(resources::add);
            }
            for (IcahtPhase phase : IcahtPhase.values()) {
                String id = IcahtConditionBuilder.conditionId(episode.window().key(), phase);
                icaht.build(derivation.patient(), episode, phase, recordedDate.apply(id)).ifPresent(resources::add);
            }
            for (FlagOccurrence occurrence : episode.flags()) {
                resources.add(flags.build(derivation.patient(), episode, occurrence));
            }
        }
        return resources;
    }
}
