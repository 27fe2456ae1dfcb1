package org.toxgrade.telemetry;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HELP text of every {@code toxgrade_*} meter, by its Micrometer name (dots; Prometheus shows it
 * with underscores and a unit or {@code _total} suffix). One place, so that an operator reading
 * {@code /q/metrics} learns what each series means; a test fails on a meter missing here.
 */
public final class MetricHelp {

    /** Timers whose latency is published as a Prometheus histogram (buckets), for percentiles across replicas. */
    static final Set<String> HISTOGRAMS = Set.of("toxgrade.derivation.duration", "toxgrade.ehr.requests");

    private static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("toxgrade.ingest.resources", "Resources stored by the FHIR write endpoints, by type and"
                    + " outcome (created, updated, unchanged, existing, stale)"),
            Map.entry("toxgrade.facts.unknown.codes", "Codes received that the terminology does not map, by code"
                    + " system (the resource is stored; the code counts for nothing)"),
            Map.entry("toxgrade.derivation.duration", "Time to re-derive one patient (lock, facts, grading, flags,"
                    + " stored results), by outcome (ok, failed)"),
            Map.entry("toxgrade.derivation.failures", "Derivations that failed; the patient stays marked and the"
                    + " sweeper derives it again"),
            Map.entry("toxgrade.derivation.backlog", "Patients marked as owing a derivation, as counted by the"
                    + " last sweep of this replica"),
            Map.entry("toxgrade.outbox.enqueued", "Results put in the outbox for the EHR, by resource type"),
            Map.entry("toxgrade.outbox.unchanged", "Derived results that matched what was already queued or sent,"
                    + " so nothing was enqueued, by resource type"),
            Map.entry("toxgrade.outbox.superseded", "Queued rows replaced before delivery, by what replaced them"
                    + " (a newer change, or a clinician's edit in the EHR) and resource type"),
            Map.entry("toxgrade.outbox.sent", "Rows delivered to the EHR, by resource type and outcome (created,"
                    + " updated, already-there)"),
            Map.entry("toxgrade.outbox.attempts.failed", "Delivery attempts that failed and will be retried, by"
                    + " resource type"),
            Map.entry("toxgrade.outbox.dead", "Rows given up after the last retry (redrive them from the operator"
                    + " endpoint), by resource type"),
            Map.entry("toxgrade.outbox.invalid", "Rows not sent because the resource failed validation against"
                    + " the profiles, by resource type"),
            Map.entry("toxgrade.outbox.redriven", "Dead rows put back to pending by an operator"),
            Map.entry("toxgrade.outbox.validation", "Time to validate one batch of outbound resources"),
            Map.entry("toxgrade.outbox.validated.resources", "Outbound resources validated before sending"),
            Map.entry("toxgrade.outbox.rows", "Outbox rows by state, as of the last dispatcher run"),
            Map.entry("toxgrade.outbox.oldest.pending.age", "Age of the oldest row still waiting for the EHR"
                    + " (pending or sending), as of the last dispatcher run; 0 when none"),
            Map.entry("toxgrade.ehr.circuit.open", "1 while the circuit breaker in front of the EHR is open (no"
                    + " request is sent), else 0"),
            Map.entry("toxgrade.ehr.requests", "Requests to the EHR and how long each took, by method and outcome"
                    + " (the HTTP status class; transport, auth or circuit-open when no answer came; failed)"),
            Map.entry("toxgrade.subscription.notifications", "Subscription notifications received, by source and"
                    + " notification kind"),
            Map.entry("toxgrade.subscription.gaps", "Notifications whose event numbers showed missed events, by"
                    + " source (a catch-up read follows)"),
            Map.entry("toxgrade.subscription.refused", "Notifications received but not taken, by source, code and"
                    + " state (refused: the content; failed: out of attempts); see GET /ops/subscriptions/refusals"),
            Map.entry("toxgrade.subscription.inbox.latency", "From a notification received to its processing done,"
                    + " by source and state (processed, refused, failed)"));

    private MetricHelp() {
    }

    /** The HELP text of a meter, by its Micrometer name. */
    public static Optional<String> of(String meterName) {
        return Optional.ofNullable(HELP.get(meterName));
    }

    /** Every meter name that has a HELP text. */
    public static Set<String> names() {
        return HELP.keySet();
    }
}
