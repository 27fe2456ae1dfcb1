package org.toxgrade.telemetry;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.inject.Singleton;

/**
 * Gives every {@code toxgrade.*} meter its HELP text from {@link MetricHelp} wherever in the code it
 * is registered, and publishes the latency timers as histograms. Quarkus applies every
 * {@link MeterFilter} bean to the registries.
 */
@Singleton
public class MetricHelpFilter implements MeterFilter {

    @Override
    public Meter.Id map(Meter.Id id) {
        if (id.getDescription() != null || !id.getName().startsWith("toxgrade.")) {
            return id;
        }
        return MetricHelp.of(id.getName())
                .map(help -> new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), help,
                        id.getType()))
                .orElse(id);
    }

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (MetricHelp.HISTOGRAMS.contains(id.getName())) {
            return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
        }
        return config;
    }
}
