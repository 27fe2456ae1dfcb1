package org.toxgrade.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class CanonicalContentTest {

    @Test
    void serverAssignedPartsAndKeyOrderDoNotChangeTheHash() {
        String ours = "{\"resourceType\":\"Flag\",\"status\":\"active\",\"code\":{\"text\":\"x\"}}";
        String stored = "{\"id\":\"17\",\"meta\":{\"versionId\":\"3\"},\"code\":{\"text\":\"x\"},\"status\":\"active\","
                + "\"resourceType\":\"Flag\"}";
        assertEquals(CanonicalContent.sha256(ours), CanonicalContent.sha256(stored));
        assertNotEquals(CanonicalContent.sha256(ours), CanonicalContent.sha256(ours.replace("active", "inactive")));
    }
}
