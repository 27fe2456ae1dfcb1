package org.toxgrade.ingest.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Set-based reads and writes of {@code received_resource} for one request: one statement for what
 * is stored of all the request's resources, one for their sender versions, one multi-row insert,
 * whatever the number of entries (the cost of a Bundle is a few round trips, not a few per entry).
 * Rows are read as plain values, never as managed entities.
 */
@ApplicationScoped
public class ReceivedResourceRows {

    /** A resource by type and id. */
    public record Key(String type, String id) {
    }

    /** One stored version as the write decisions need it. */
    public record Version(int versionId, String contentSha256, String sourceVersionId,
            OffsetDateTime sourceLastUpdated, OffsetDateTime receivedAt) {
    }

    /** The highest version of a resource and its current (not stale) version, null when none. */
    public record Current(int maxVersion, Version latest) {
    }

    /** The current version of a resource that carries an identifier a conditional write names. */
    public record Carrier(String id, int versionId, OffsetDateTime receivedAt) {
    }

    /** A row to insert. */
    public record NewRow(String type, String id, int versionId, String sourceVersionId,
            OffsetDateTime sourceLastUpdated, boolean stale, String source, OffsetDateTime receivedAt,
            String contentSha256, String rawJson, String storedJson) {
    }

    private static final String CURRENT = """
            select k.t, k.i, m.max_version, l.version_id, l.content_sha256, l.source_version_id,
                   l.source_last_updated, l.received_at
            from unnest($1::varchar[], $2::varchar[]) as k(t, i)
            join lateral (select max(r.version_id) as max_version from received_resource r
                          where r.resource_type = k.t and r.resource_id = k.i) m on m.max_version is not null
            left join lateral (select r.version_id, r.content_sha256, r.source_version_id, r.source_last_updated,
                                      r.received_at
                               from received_resource r
                               where r.resource_type = k.t and r.resource_id = k.i and not r.stale
                               order by r.version_id desc limit 1) l on true
            """;

    private static final String BY_SENDER_VERSION = """
            select r.resource_type, r.resource_id, r.version_id, r.content_sha256, r.source_version_id,
                   r.source_last_updated, r.received_at
            from unnest($1::varchar[], $2::varchar[], $3::varchar[]) as k(t, i, v)
            join received_resource r
              on r.resource_type = k.t and r.resource_id = k.i and r.source_version_id = k.v
            """;

    private static final String INSERT = """
            insert into received_resource (resource_type, resource_id, version_id, source_version_id,
                source_last_updated, stale, source, received_at, content_sha256, raw_json, stored_json)
            select * from unnest($1::varchar[], $2::varchar[], $3::int[], $4::varchar[], $5::timestamptz[],
                $6::boolean[], $7::varchar[], $8::timestamptz[], $9::char(64)[], $10::text[], $11::text[])
            """;

    private static final String CARRIERS = """
            select c.resource_id, c.version_id, c.received_at
            from (select distinct on (r.resource_id) r.resource_id, r.version_id, r.received_at, r.stored_json
                  from received_resource r
                  where r.resource_type = $1 and not r.stale
                  order by r.resource_id, r.version_id desc) c
            where jsonb_path_exists(cast(c.stored_json as jsonb), '$.identifier[*] ? (@.system == $s && @.value == $v)',
                                    jsonb_build_object('s', cast($2 as text), 'v', cast($3 as text)))
            order by c.resource_id
            """;

    /**
     * The resources of a type whose current version carries the identifier (what a conditional create or
     * update searches for). Reads every current resource of the type: conditional writes are the rare path.
     */
    public Uni<List<Carrier>> carrying(SqlConnection connection, String type, String system, String value) {
        return connection.preparedQuery(CARRIERS).execute(Tuple.of(type, system, value)).map(rows -> {
            List<Carrier> out = new ArrayList<>();
            for (Row row : rows) {
                out.add(new Carrier(row.getString(0), row.getInteger(1), row.getOffsetDateTime(2)));
            }
            return out;
        });
    }

    /** Holds, until the transaction ends, a lock on one identifier of one type (a conditional write's). */
    public Uni<Void> lockIdentifier(SqlConnection connection, String key) {
        return connection.preparedQuery("select pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of(key)).replaceWithVoid();
    }

    /** What is stored of each resource; resources never stored are absent. */
    public Uni<Map<Key, Current>> current(SqlConnection connection, List<Key> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Tuple args = Tuple.of(keys.stream().map(Key::type).toArray(String[]::new),
                keys.stream().map(Key::id).toArray(String[]::new));
        return connection.preparedQuery(CURRENT).execute(args).map(rows -> {
            Map<Key, Current> out = new HashMap<>();
            for (Row row : rows) {
                Version latest = row.getInteger(3) == null
                        ? null
                        : new Version(row.getInteger(3), row.getString(4), row.getString(5),
                                row.getOffsetDateTime(6), row.getOffsetDateTime(7));
                out.put(new Key(row.getString(0), row.getString(1)), new Current(row.getInteger(2), latest));
            }
            return out;
        });
    }

    /** Stored versions carrying one of the given sender versions, by resource and sender version. */
    public Uni<Map<Key, Map<String, Version>>> bySenderVersion(SqlConnection connection, List<Key> keys,
            List<String> senderVersions) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Tuple args = Tuple.of(keys.stream().map(Key::type).toArray(String[]::new),
                keys.stream().map(Key::id).toArray(String[]::new), senderVersions.toArray(String[]::new));
        return connection.preparedQuery(BY_SENDER_VERSION).execute(args).map(rows -> {
            Map<Key, Map<String, Version>> out = new HashMap<>();
            for (Row row : rows) {
                Version v = new Version(row.getInteger(2), row.getString(3), row.getString(4),
                        row.getOffsetDateTime(5), row.getOffsetDateTime(6));
                out.computeIfAbsent(new Key(row.getString(0), row.getString(1)), k -> new HashMap<>())
                        .put(v.sourceVersionId(), v);
            }
            return out;
        });
    }

    /** Inserts all rows in one statement. */
    public Uni<Void> insertAll(SqlConnection connection, List<NewRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = rows.size();
        String[] types = new String[n];
        String[] ids = new String[n];
        Integer[] versions = new Integer[n];
        String[] senderVersions = new String[n];
        OffsetDateTime[] senderUpdated = new OffsetDateTime[n];
        Boolean[] stale = new Boolean[n];
        String[] sources = new String[n];
        OffsetDateTime[] received = new OffsetDateTime[n];
        String[] hashes = new String[n];
        String[] raw = new String[n];
        String[] stored = new String[n];
        for (int i = 0; i < n; i++) {
            NewRow r = rows.get(i);
            types[i] = r.type();
            ids[i] = r.id();
            versions[i] = r.versionId();
            senderVersions[i] = r.sourceVersionId();
            senderUpdated[i] = r.sourceLastUpdated();
            stale[i] = r.stale();
            sources[i] = r.source();
            received[i] = r.receivedAt();
            hashes[i] = r.contentSha256();
            raw[i] = r.rawJson();
            stored[i] = r.storedJson();
        }
        List<Object> values = new ArrayList<>(List.of(types, ids, versions));
        values.add(senderVersions);
        values.add(senderUpdated);
        values.add(stale);
        values.add(sources);
        values.add(received);
        values.add(hashes);
        values.add(raw);
        values.add(stored);
        return connection.preparedQuery(INSERT).execute(Tuple.tuple(values)).replaceWithVoid();
    }
}
