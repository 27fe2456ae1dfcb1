package org.toxgrade.results;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.toxgrade.patient.DerivedResourceRow;

/** Finds stored Conditions and Flags by the search parameters the read API supports. */
@ApplicationScoped
public class ResultSearch {

    /** A {@code _lastUpdated} bound: prefix (gt, ge, lt, le, eq) and instant. */
    public record Bound(String prefix, OffsetDateTime at) {
    }

    public Uni<List<DerivedResourceRow>> find(Mutiny.Session session, String resourceType, String patient,
            String status, List<Bound> lastUpdated, int limit) {
        StringBuilder hql = new StringBuilder("from DerivedResourceRow where resourceType = :type");
        if (patient != null) {
            hql.append(" and patientRef = :patient");
        }
        if (status != null) {
            hql.append(" and status = :status");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lastUpdated.size(); i++) {
            String op = switch (lastUpdated.get(i).prefix()) {
                case "gt" -> ">";
                case "ge" -> ">=";
                case "lt" -> "<";
                case "le" -> "<=";
                default -> "=";
            };
            hql.append(" and lastUpdated ").append(op).append(" :lu").append(i);
            names.add("lu" + i);
        }
        hql.append(" order by lastUpdated desc, resourceId");
        Mutiny.SelectionQuery<DerivedResourceRow> query = session
                .createSelectionQuery(hql.toString(), DerivedResourceRow.class)
                .setParameter("type", resourceType);
        if (patient != null) {
            query.setParameter("patient", patient);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        for (int i = 0; i < names.size(); i++) {
            query.setParameter(names.get(i), lastUpdated.get(i).at());
        }
        return query.setMaxResults(limit).getResultList();
    }

    public Uni<DerivedResourceRow> read(Mutiny.Session session, String resourceType, String id) {
        return session.find(DerivedResourceRow.class, new DerivedResourceRow.Key(resourceType, id));
    }
}
