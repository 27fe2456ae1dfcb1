/**
 * Write-back of derived results to the EHR through a transactional outbox.
 *
 * <h2>Producer API</h2>
 * Build an {@link org.toxgrade.publish.OutboundChange} (off the event loop when it encodes HAPI
 * resources), call {@link org.toxgrade.publish.Outbox#enqueue} with the session of the transaction
 * that stores the derived state, and after that transaction commits call
 * {@link org.toxgrade.publish.OutboxDispatcher#trigger()}.
 *
 * <h2>States ({@code outbox.state})</h2>
 * <pre>
 *  enqueue ──► pending ──claim──► sending ──► sent
 *                ▲  ▲               │  ├──► superseded-by-clinician   (EHR resource carries a clinician's decision)
 *                │  └──retry(backoff)┤  ├──► invalid                  (profile validation failed; never sent)
 *                │                  │  └──► dead ──operator re-drive──► pending (attempts reset)
 *                │                  └──► pending (circuit open: released, no attempt counted)
 *   pending, dead ──newer change for the same identifier──► superseded
 *   sending (failed attempt) with a newer row present ──► superseded
 *   sending whose lease lapsed (replica died) ──► claimable again
 * </pre>
 *
 * <h2>Operator endpoints</h2>
 * See {@link org.toxgrade.publish.rest.OutboxOperatorResource}: {@code /ops/outbox}, scope
 * {@code toxgrade/operator}.
 *
 * <h2>Metrics</h2>
 * {@code toxgrade_outbox_enqueued_total}, {@code _unchanged_total}, {@code _superseded_total{by=change|clinician}},
 * {@code _sent_total{outcome=created|updated|already-there}}, {@code _attempts_failed_total}, {@code _dead_total},
 * {@code _invalid_total}, {@code _redriven_total}, {@code _validation_seconds}, {@code _validated_resources_total},
 * gauges {@code toxgrade_outbox_rows{state}} and {@code toxgrade_outbox_oldest_pending_age_seconds}; and
 * {@code toxgrade_ehr_circuit_open}, {@code toxgrade_ehr_requests_seconds{method,outcome}}. HELP texts:
 * {@code org.toxgrade.telemetry.MetricHelp}.
 */
package org.toxgrade.publish;
