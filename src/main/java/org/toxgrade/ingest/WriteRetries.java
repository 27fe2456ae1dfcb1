package org.toxgrade.ingest;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Retries a request's database transaction when it met a concurrent one: PostgreSQL aborts one of
 * two transactions that wait for each other (40P01), that cannot be serialised (40001), or that
 * insert the same new version of a resource or the same fact (23505, two senders creating one
 * resource at once). Each attempt starts afresh and reads again, so a retry decides on what the
 * other transaction committed: the second create of the same content becomes "unchanged".
 */
@ApplicationScoped
public class WriteRetries {

    private static final Logger LOG = Logger.getLogger(WriteRetries.class);
    private static final Set<String> CONCURRENT = Set.of("40001", "40P01", "23505");

    private final int attempts;

    public WriteRetries(IngestSettings settings) {
        this.attempts = Math.max(1, settings.writeAttempts());
    }

    public <T> Uni<T> run(Supplier<Uni<T>> transaction) {
        Uni<T> once = Uni.createFrom().<T>deferred(transaction::get)
                .onFailure(WriteRetries::concurrent)
                .invoke(e -> LOG.debugf("Write met a concurrent one (SQL state %s), retrying", sqlState(e)));
        Uni<T> retried = attempts == 1
                ? once
                : once.onFailure(WriteRetries::concurrent).retry()
                        .withBackOff(Duration.ofMillis(10), Duration.ofMillis(200)).withJitter(0.5)
                        .atMost(attempts - 1);
        return retried.onFailure(WriteRetries::concurrent)
                .transform(e -> IngestError.WRITE_CONFLICT_PERSISTED.refuse(attempts));
    }

    /** Whether the failure, or anything it was caused by, is PostgreSQL aborting a concurrent write. */
    static boolean concurrent(Throwable failure) {
        return sqlState(failure) != null;
    }

    private static String sqlState(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof PgException pg && CONCURRENT.contains(pg.getSqlState())) {
                return pg.getSqlState();
            }
        }
        return null;
    }
}
