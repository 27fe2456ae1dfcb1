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

    /**
     * After a Subscription is created or repaired (status {@code requested}), its source is checked again after each
     * of these waits while it is still requested: the EHR activates it within seconds, and the status operators read
     * should say so.
     */
    @WithDefault("5s,15s,45s,2m,5m")
    List<Duration> recheckAfter();

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

    /** Rotation of the channel secrets. */
    SecretRotation secretRotation();

    /** How the channel secret in each source's Subscriptions is rotated ({@link org.toxgrade.subscription.SecretRotation}). */
    interface SecretRotation {

        /** A source's secret is rotated this long after the last rotation; {@code 0s}: only on demand. */
        @WithDefault("720h")
        Duration interval();

        /** After the Subscriptions carry the new secret, the previous one is still accepted this long. */
        @WithDefault("15m")
        Duration overlap();

        /** How often due rotations (and unfinished rewrites of Subscriptions) are looked for. */
        @WithDefault("1h")
        Duration checkEvery();
    }

    /** The inbox notifications are received into and processed from. */
    Inbox inbox();

    /**
     * Notifications are answered once stored in the inbox and processed from there: what their content lacks is
     * recorded as a refusal for operators, never answered as an error into the EHR's retry loop.
     */
    interface Inbox {

        /** How often the inbox is looked at (besides right after each notification is received). */
        @WithDefault("1s")
        Duration pollInterval();

        /** At most this many entries are processed per run. */
        @WithDefault("50")
        int batchSize();

        /** Entries about different resources processed side by side (entries about one resource stay in order). */
        @WithDefault("8")
        int concurrency();

        /** An entry being processed is held this long; a replica that stops mid-way leaves it to another after that. */
        @WithDefault("2m")
        Duration lease();

        /** Attempts at an entry on passing failures (the database, or the EHR for an id-only notification). */
        @WithDefault("8")
        int maxAttempts();

        /** The wait after the first passing failure, doubled at each further one. */
        @WithDefault("2s")
        Duration retryBase();

        /** The longest wait between attempts. */
        @WithDefault("5m")
        Duration retryMax();

        /** Processed entries (their outcome, not their body) are kept this long. */
        @WithDefault("24h")
        Duration keepProcessed();

        /** Refused and failed entries (with their body, for operators) are kept this long. */
        @WithDefault("720h")
        Duration keepRefused();
    }

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
