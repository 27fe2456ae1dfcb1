package org.toxgrade.subscription;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Receiving what the EHRs publish: the EHR FHIR servers ("sources") this service subscribes to, the
 * Subscriptions it keeps on them, and the catch-up that reads by {@code _lastUpdated} so nothing is
 * missed when a notification is lost. The source named {@code ehr} is the EHR of {@code toxgrade.ehr.*}
 * (its base URL and client authentication); further sources are added under
 * {@code toxgrade.subscription.sources.<name>.*}.
 */
@ConfigMapping(prefix = "toxgrade.subscription")
public interface SubscriptionSettings {

    /** The name of the source that is the EHR configured under {@code toxgrade.ehr.*}. */
    String PRIMARY = "ehr";

    /** Receive from the EHRs at all: register Subscriptions, accept notifications, catch up. Off by default. */
    @WithDefault("false")
    boolean enabled();

    /**
     * This service's base URL as the EHRs reach it, e.g. {@code https://toxgrade.example.org}; a source's
     * notification endpoint is this plus {@code /notify/<source>}. Not set: no Subscription is registered
     * (notifications that arrive are still taken, and catch-up still runs).
     */
    Optional<String> publicBaseUrl();

    /** How often the Subscriptions on each EHR are checked and repaired (also once shortly after start-up). */
    @WithDefault("10m")
    Duration checkInterval();

    /** How often each EHR is read by {@code _lastUpdated} since the watermark (also after start-up and after a gap). */
    @WithDefault("5m")
    Duration catchUpInterval();

    /** Each catch-up window starts this long before the watermark: clock skew and same-second updates; dedupe absorbs the overlap. */
    @WithDefault("2m")
    Duration overlap();

    /** The first catch-up of a source without a watermark reads this far back. */
    @WithDefault("24h")
    Duration initialLookback();

    /** {@code _count} of each catch-up search page. */
    @WithDefault("100")
    int pageSize();

    /** At most this many pages per criteria and run (the rest is read by the next run: the watermark does not pass it). */
    @WithDefault("500")
    int maxPages();

    /** A replica running a source's catch-up holds it this long at most; another replica may take it over afterwards. */
    @WithDefault("10m")
    Duration catchUpLease();

    /** The EHRs, by name ({@code ehr} is the EHR of {@code toxgrade.ehr.*}). */
    @WithDefaults
    Map<String, Source> sources();

    /** One EHR FHIR server. */
    interface Source {

        /** FHIR base URL of this EHR; for the source {@code ehr} it defaults to {@code toxgrade.ehr.base-url}. */
        Optional<String> baseUrl();

        /**
         * The secret this EHR puts in the Subscription's {@code channel.header}; notifications without it (or
         * without a bearer token of this service) are refused. Not set: only bearer tokens are accepted and no
         * Subscription is registered.
         */
        Optional<String> secret();

        /**
         * The header that carries the secret: {@code Authorization} (sent as {@code Bearer <secret>}) or a
         * dedicated header (sent as the bare secret).
         */
        @WithDefault("Authorization")
        String secretHeader();

        /**
         * R4 Subscription criteria, one Subscription each; narrow them by category or code where the EHR supports
         * it (a comma inside a criteria is escaped: {@code \\,} in application.properties, {@code \,} in an environment
         * variable). A criteria without {@code ?} gets one ({@code Type?[params]} is the form R4 servers take).
         * Catch-up searches with the same criteria.
         */
        @WithDefault("Observation?,MedicationAdministration?")
        List<String> criteria();

        /** {@code full-resource}: the EHR sends the changed resource ({@code channel.payload}); {@code empty}: a bare trigger. */
        @WithDefault("full-resource")
        Payload payload();

        /** Register and repair Subscriptions on this EHR; {@code false} when the EHR's administrators set them up. */
        @WithDefault("true")
        boolean register();

        /** Bearer token for reading this EHR (sources other than {@code ehr}, which use {@code toxgrade.ehr.auth.*}). */
        Optional<String> bearerToken();
    }

    /** What a rest-hook notification carries. */
    enum Payload {
        FULL_RESOURCE, EMPTY
    }
}
