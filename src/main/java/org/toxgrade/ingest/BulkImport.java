package org.toxgrade.ingest;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.toxgrade.fhir.FhirException;
import org.toxgrade.security.Caller;

/**
 * A backfill: an NDJSON file of FHIR resources (FHIR Bulk Data format, one resource per line),
 * stored in transactions of {@link IngestSettings#importChunkLines()} lines as a batch is (each
 * refused line its own answer, with its line number), with no derivation until the end, when each
 * patient is derived once. A history of 20,000 Observations is then graded once instead of once
 * per Bundle. Asynchronous: the caller polls the job's status.
 *
 * <p>What is stored is durable as it goes; the job itself lives in memory. If the service stops
 * mid-import, the patients stored so far stay marked and the sweeper derives them; sending the
 * file again stores nothing twice (every line with an id is an update of that id).
 */
@ApplicationScoped
public class BulkImport {

    private static final Logger LOG = Logger.getLogger(BulkImport.class);
    /** How long a finished job's status stays readable. */
    static final Duration KEPT = Duration.ofHours(24);

    public enum State {
        RUNNING, COMPLETED, FAILED
    }

    /** One refused line: its number in the file (from 1) and why. */
    public record LineError(int line, FhirException error) {
    }

    /** A job's progress, readable while it runs. */
    public static final class Job {

        public final String id;
        public final String clientId;
        public final Instant requestedAt;
        public final int lines;
        private volatile int processed;
        private volatile State state = State.RUNNING;
        private volatile Instant finishedAt;
        private volatile String failure;
        private final Map<String, Integer> stored = new ConcurrentHashMap<>();
        private final List<LineError> errors = new ArrayList<>();
        private final Set<String> patients = new TreeSet<>();

        Job(String clientId, int lines) {
            this.id = UUID.randomUUID().toString();
            this.clientId = clientId;
            this.requestedAt = Instant.now();
            this.lines = lines;
        }

        public int processed() {
            return processed;
        }

        public State state() {
            return state;
        }

        public Optional<Instant> finishedAt() {
            return Optional.ofNullable(finishedAt);
        }

        public Optional<String> failure() {
            return Optional.ofNullable(failure);
        }

        /** Resources stored by type and outcome ({@code Observation created}: n). */
        public Map<String, Integer> stored() {
            return Map.copyOf(stored);
        }

        public synchronized List<LineError> errors() {
            return List.copyOf(errors);
        }

        public synchronized int patients() {
            return patients.size();
        }

        synchronized void refused(int line, FhirException error) {
            errors.add(new LineError(line, error));
        }

        synchronized void changed(Set<String> changedPatients) {
            patients.addAll(changedPatients);
        }

        synchronized List<String> patientList() {
            return List.copyOf(patients);
        }
    }

    private record Line(int number, String text) {
    }

    private final IngestService ingest;
    private final RequestPreparer preparer;
    private final IngestSettings settings;
    private final Vertx vertx;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    public BulkImport(IngestService ingest, RequestPreparer preparer, IngestSettings settings, Vertx vertx) {
        this.ingest = ingest;
        this.preparer = preparer;
        this.settings = settings;
        this.vertx = vertx;
    }

    /** Starts the import of {@code ndjson} and returns its job at once. */
    public Job start(Caller caller, String ndjson) {
        List<Line> lines = new ArrayList<>();
        int number = 0;
        for (String text : ndjson.split("\r?\n", -1)) {
            number++;
            if (!text.isBlank()) {
                lines.add(new Line(number, text));
            }
        }
        if (lines.isEmpty()) {
            throw IngestError.IMPORT_EMPTY.refuse();
        }
        forgetOldJobs();
        Job job = new Job(caller.clientId(), lines.size());
        jobs.put(job.id, job);
        // A fresh duplicated context of its own: the job outlives the request that started it, and its
        // derivations use Hibernate Reactive sessions, which must not share the request's context.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> chunks(caller, job, lines, 0)
                .chain(() -> ingest.derive(job.patientList()))
                .subscribe().with(done -> {
                    job.state = State.COMPLETED;
                    job.finishedAt = Instant.now();
                    LOG.infof("Bulk import %s by %s: %d lines, %d refused, %d patients derived", job.id,
                            caller.clientId(), job.lines, job.errors().size(), job.patients());
                }, failure -> {
                    job.failure = failure.getClass().getName();
                    job.state = State.FAILED;
                    job.finishedAt = Instant.now();
                    LOG.error(IngestError.IMPORT_FAILED.message(job.id, job.processed, job.failure));
                }));
        return job;
    }

    /** The caller's job; another client's job is as unknown as a missing one. */
    public Job status(Caller caller, String id) {
        Job job = jobs.get(id);
        if (job == null || !job.clientId.equals(caller.clientId())) {
            throw IngestError.IMPORT_JOB_UNKNOWN.refuse(KEPT.toHours());
        }
        return job;
    }

    private Uni<Void> chunks(Caller caller, Job job, List<Line> lines, int from) {
        if (from >= lines.size()) {
            return Uni.createFrom().voidItem();
        }
        List<Line> chunk = lines.subList(from, Math.min(lines.size(), from + settings.importChunkLines()));
        return vertx.executeBlocking(() -> prepare(caller, job, chunk), false)
                .chain(prepared -> prepared.writes().isEmpty()
                        ? Uni.createFrom().voidItem()
                        : ingest.storeWithoutDeriving(caller, prepared.writes()).invoke(stored -> {
                            List<WritePlanner.Decision> decisions = stored.decisions();
                            for (int i = 0; i < decisions.size(); i++) {
                                WritePlanner.Decision d = decisions.get(i);
                                if (d.error() != null) {
                                    job.refused(prepared.lineNumbers().get(i), d.error());
                                } else {
                                    job.stored.merge(d.outcome().write().type().fhirName() + " "
                                            + d.outcome().kind().name().toLowerCase(), 1, Integer::sum);
                                }
                            }
                            job.changed(stored.changedPatients().keySet());
                        }).replaceWithVoid())
                .invoke(() -> job.processed = from + chunk.size())
                .chain(() -> chunks(caller, job, lines, from + chunk.size()));
    }

    private record Prepared(List<PreparedWrite> writes, List<Integer> lineNumbers) {
    }

    private Prepared prepare(Caller caller, Job job, List<Line> chunk) {
        List<PreparedWrite> writes = new ArrayList<>(chunk.size());
        List<Integer> numbers = new ArrayList<>(chunk.size());
        for (Line line : chunk) {
            try {
                writes.add(preparer.importLine(line.text(), caller));
                numbers.add(line.number());
            } catch (FhirException e) {
                job.refused(line.number(), e);
            }
        }
        return new Prepared(writes, numbers);
    }

    private void forgetOldJobs() {
        Instant cutoff = Instant.now().minus(KEPT);
        jobs.values().removeIf(j -> j.finishedAt != null && j.finishedAt.isBefore(cutoff));
    }
}
