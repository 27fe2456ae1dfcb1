package org.toxgrade.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.toxgrade.security.Caller;

/** Records and finds audit records; writes join the caller's transaction. */
@ApplicationScoped
public class AuditTrail {

    private final Mutiny.SessionFactory sessions;

    public AuditTrail(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** FHIR AuditEvent.action codes. */
    public enum Action {
        C, R, U, D, E
    }

    public Uni<Void> record(Mutiny.Session session, Caller caller, Action action, String interaction,
            String resourceType, String resourceId, Integer versionId, int status) {
        AuditRecord row = new AuditRecord();
        row.recordedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        row.clientId = caller.clientId();
        row.action = action.name();
        row.interaction = interaction;
        row.resourceType = resourceType;
        row.resourceId = resourceId;
        row.versionId = versionId;
        row.outcomeStatus = status;
        return session.persist(row);
    }

    /**
     * A search: the patients it named (none for a search across patients) and its query, whose identifier
     * values the caller has already hashed.
     */
    public Uni<Void> recordSearch(Mutiny.Session session, Caller caller, String resourceType, List<String> patients,
            String query, int status) {
        AuditRecord row = new AuditRecord();
        row.recordedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        row.clientId = caller.clientId();
        row.action = Action.E.name();
        row.interaction = "search-type";
        row.resourceType = resourceType;
        row.outcomeStatus = status;
        row.patientRefs = patients.isEmpty() ? null : String.join(" ", patients);
        row.query = query;
        return session.persist(row);
    }

    /** One audit record of a bulk write. */
    public record Entry(Action action, String interaction, String resourceType, String resourceId, Integer versionId,
            int status) {
    }

    private static final String INSERT = """
            insert into audit_event (recorded_at, client_id, action, interaction, resource_type, resource_id,
                version_id, outcome_status)
            select $1, $2, a, i, t, r, v, s
            from unnest($3::char(1)[], $4::varchar[], $5::varchar[], $6::varchar[], $7::int[], $8::int[])
                as u(a, i, t, r, v, s)
            """;

    /** Records all entries of one request in one statement of the caller's transaction. */
    public Uni<Void> recordAll(SqlConnection connection, Caller caller, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return connection.preparedQuery(INSERT).execute(Tuple.tuple(List.of(now, caller.clientId(),
                entries.stream().map(e -> e.action().name()).toArray(String[]::new),
                entries.stream().map(Entry::interaction).toArray(String[]::new),
                entries.stream().map(Entry::resourceType).toArray(String[]::new),
                entries.stream().map(Entry::resourceId).toArray(String[]::new),
                entries.stream().map(Entry::versionId).toArray(Integer[]::new),
                entries.stream().map(Entry::status).toArray(Integer[]::new)))).replaceWithVoid();
    }

    /** Newest first, in a session of its own. */
    public Uni<List<AuditRecord>> find(OffsetDateTime since, String clientId, int limit) {
        return sessions.withSession(session -> find(session, since, clientId, limit));
    }

    private Uni<List<AuditRecord>> find(Mutiny.Session session, OffsetDateTime since, String clientId, int limit) {
        StringBuilder hql = new StringBuilder("from AuditRecord where 1 = 1");
        if (since != null) {
            hql.append(" and recordedAt >= :since");
        }
        if (clientId != null) {
            hql.append(" and clientId = :client");
        }
        hql.append(" order by pk desc");
        Mutiny.SelectionQuery<AuditRecord> query = session.createSelectionQuery(hql.toString(), AuditRecord.class);
        if (since != null) {
            query.setParameter("since", since);
        }
        if (clientId != null) {
            query.setParameter("client", clientId);
        }
        return query.setMaxResults(limit).getResultList();
    }
}
