package org.toxgrade.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The claim query really locks: while one claimer's transaction holds rows, a second concurrent
 * claimer skips them instead of waiting or taking them too, so replicas never send a row twice.
 * Runs the production SQL ({@link OutboxStore#claimSql}) on two JDBC connections.
 */
@QuarkusTest
class OutboxClaimLockingTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSecondConcurrentClaimerSkipsLockedRows() throws SQLException {
        List<Long> mine = new ArrayList<>();
        try (Connection setup = dataSource.getConnection()) {
            for (int i = 0; i < 6; i++) {
                mine.add(insertDueRow(setup, "lock-" + System.nanoTime() + "-" + i));
            }
        }
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            Set<Long> claimedFirst = claim(first, 1000);
            assertTrue(claimedFirst.containsAll(mine), "the first claimer sees every due row");

            long started = System.nanoTime();
            Set<Long> claimedSecond = claim(second, 1000);
            assertTrue((System.nanoTime() - started) / 1_000_000 < 2000,
                    "the second claimer did not wait on the locks");
            Set<Long> both = new HashSet<>(claimedSecond);
            both.retainAll(claimedFirst);
            assertTrue(both.isEmpty(), "rows claimed twice: " + both);

            first.rollback();
            Set<Long> afterRelease = claim(second, 1000);
            assertTrue(afterRelease.containsAll(mine), "released rows are claimable again");
            second.rollback();
            second.setAutoCommit(true);
            try (Statement s = second.createStatement()) {
                s.executeUpdate("update outbox set state = 'superseded' where pk in ("
                        + mine.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")");
            }
        }
    }

    @Test
    void aRowWaitsWhileAnotherRowOfTheSameIdentifierIsBeingSent() throws SQLException {
        String identifier = "lock-order-" + System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            long sending = insertDueRow(c, identifier);
            long waiting = insertDueRow(c, identifier);
            try (Statement s = c.createStatement()) {
                s.executeUpdate(
                        "update outbox set state = 'sending', lease_until = now() + interval '1 minute' where pk = "
                                + sending);
            }
            c.setAutoCommit(false);
            Set<Long> claimed = claim(c, 1000);
            assertFalse(claimed.contains(waiting), "not while the other row's lease is live");
            c.rollback();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("update outbox set lease_until = now() - interval '1 second' where pk = " + sending);
            }
            c.setAutoCommit(false);
            Set<Long> lapsed = claim(c, 1000);
            assertTrue(lapsed.contains(sending), "a lapsed claim is due again");
            c.rollback();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                assertEquals(2, s.executeUpdate(
                        "update outbox set state = 'superseded' where identifier_value = '" + identifier + "'"));
            }
        }
    }

    /**
     * Seen against HAPI FHIR: two rows of one result pending at start-up (the one being sent when the service
     * stopped, and a newer change) were written a second apart, grade 1 then grade 3. The lapsed one is now
     * superseded by the newer change, which alone is claimed.
     */
    @Test
    void aLapsedDeliveryIsSupersededByANewerChangeOfTheSameResult() throws SQLException {
        String identifier = "lock-lapsed-" + System.nanoTime();
        String other = "lock-lapsed-alone-" + System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            long lapsed = insertDueRow(c, identifier);
            long alone = insertDueRow(c, other);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("update outbox set state = 'sending', lease_until = now() - interval '1 second'"
                        + " where pk in (" + lapsed + ", " + alone + ")");
            }
            long newer = insertDueRow(c, identifier);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                assertEquals(1, s.executeUpdate(OutboxStore.coalesceLapsedSql()));
            }
            Set<Long> claimed = claim(c, 1000);
            assertTrue(claimed.contains(newer), "the newer change is sent");
            assertFalse(claimed.contains(lapsed), "the lapsed older delivery is not");
            assertTrue(claimed.contains(alone), "a lapsed delivery with nothing newer is due again");
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement();
                    ResultSet row = s.executeQuery("select state, superseded_by from outbox where pk = " + lapsed)) {
                row.next();
                assertEquals("superseded", row.getString("state"));
                assertEquals(newer, row.getLong("superseded_by"));
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("update outbox set state = 'superseded' where identifier_value in ('" + identifier
                        + "', '" + other + "')");
            }
        }
    }

    private static Set<Long> claim(Connection connection, int limit) throws SQLException {
        Set<Long> pks = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(OutboxStore.claimSql(limit))) {
            while (rows.next()) {
                pks.add(rows.getLong("pk"));
            }
        }
        return pks;
    }

    private static long insertDueRow(Connection connection, String identifier) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into outbox (patient_ref, resource_type,"
                + " identifier_system, identifier_value, resource_json, provenance_json, content_sha256, state,"
                + " next_attempt_at, created_at, updated_at) values ('Patient/lock', 'Condition',"
                + " 'http://toxgrade.org/fhir/sid/derived-result', ?, '{}', '{}', repeat('0', 64), 'pending',"
                + " now() - interval '1 hour', now(), now()) returning pk")) {
            insert.setString(1, identifier);
            try (ResultSet key = insert.executeQuery()) {
                key.next();
                return key.getLong(1);
            }
        }
    }
}
