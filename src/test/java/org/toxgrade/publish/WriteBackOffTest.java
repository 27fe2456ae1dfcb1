package org.toxgrade.publish;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toxgrade.support.Management.management;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Api;

/**
 * With no EHR configured (the default) write-back is off: changes are kept pending, coalesced per
 * business identifier, and nothing is claimed.
 */
@QuarkusTest
class WriteBackOffTest {

    @Test
    void withoutABaseUrlRowsStayPendingAndTheStatusSaysOff() {
        long row = Changes.enqueue(Changes.condition("off-pending-crs", 2)).getLong("pk");
        Api.as(Changes.OPERATOR).when().post("/ops/outbox/dispatch").then().statusCode(200);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> "pending".equals(WriteBackTest.row(row).getString("state")));
        JsonPath status = WriteBackTest.status();
        assertEquals("off", status.getString("writeBack"));
        assertTrue(status.getLong("counts.pending") >= 1);
        assertEquals(0, WriteBackTest.row(row).getInt("attempts"));
    }

    @Test
    void aNewerChangeSupersedesThePendingOneAndUnchangedContentIsNotEnqueuedAgain() {
        JsonPath first = Changes.enqueue(Changes.condition("off-coalesce-crs", 1));
        JsonPath second = Changes.enqueue(Changes.condition("off-coalesce-crs", 2));
        JsonPath again = Changes.enqueue(Changes.condition("off-coalesce-crs", 2));

        assertTrue(second.getBoolean("added"));
        assertEquals(List.of(first.getInt("pk")), second.getList("superseded"));
        assertFalse(again.getBoolean("added"));
        assertEquals(second.getLong("pk"), again.getLong("pk"));
        JsonPath older = WriteBackTest.row(first.getLong("pk"));
        assertEquals("superseded", older.getString("state"));
        assertEquals(second.getLong("pk"), older.getLong("supersededBy"));
        assertEquals("pending", WriteBackTest.row(second.getLong("pk")).getString("state"));

        // Back to the first content: it differs from the latest row, so it is a new change.
        JsonPath back = Changes.enqueue(Changes.condition("off-coalesce-crs", 1));
        assertTrue(back.getBoolean("added"));
        assertEquals(List.of(second.getInt("pk")), back.getList("superseded"));
    }

    @Test
    void theOutboxMetricsAreExported() {
        Changes.enqueue(Changes.condition("off-metrics-crs", 1));
        Api.as(Changes.OPERATOR).when().post("/ops/outbox/dispatch").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> management().when().get("/q/metrics")
                .then().statusCode(200)
                .body(Matchers.containsString("toxgrade_outbox_enqueued_total"))
                .body(Matchers.containsString("toxgrade_outbox_rows{state=\"pending\"}")));
    }

    @Test
    void redriveAllAnswersHowManyMoved() {
        Api.as(Changes.OPERATOR).when().post("/ops/outbox/dead/redrive").then().statusCode(200)
                .body("redriven", Matchers.greaterThanOrEqualTo(0));
        Api.as(Changes.OPERATOR).when().post("/ops/outbox/dead/999999/redrive").then().statusCode(404)
                .body("issue[0].diagnostics", Matchers.startsWith("TG-OUTBOX-060"));
    }
}
