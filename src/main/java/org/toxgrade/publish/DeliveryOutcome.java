package org.toxgrade.publish;

/** What one delivery attempt of an outbox row came to. */
sealed interface DeliveryOutcome {

    /** The EHR holds the content: written now ({@code status} 200/201), or found already there (a retry). */
    record Sent(String ehrId, String versionId, int status, boolean alreadyThere) implements DeliveryOutcome {
    }

    /** A clinician decided on the EHR's resource; nothing was written. */
    record KeptByClinician(String ehrId, String versionId, String decision) implements DeliveryOutcome {
    }

    /** The attempt failed: retried later, or dead-lettered when {@code permanent} or out of attempts. */
    record Failed(Integer status, String error, boolean permanent) implements DeliveryOutcome {
    }

    /** Not attempted (circuit open): back to pending, no attempt counted. */
    record Released(String reason) implements DeliveryOutcome {
    }
}
