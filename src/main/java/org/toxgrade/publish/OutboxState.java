package org.toxgrade.publish;

import java.util.Arrays;

/**
 * Where an outbox row stands. {@code pending -> sending -> sent} is the normal path; a failed
 * attempt goes back to {@code pending} with a later due time, or to {@code dead} after the last
 * allowed attempt (an operator can re-drive it to {@code pending}).
 */
public enum OutboxState {

    /** Waiting for its due time. */
    PENDING("pending"),
    /** Claimed by a dispatcher until its lease lapses. */
    SENDING("sending"),
    /** The EHR holds it. */
    SENT("sent"),
    /** A newer change for the same business identifier replaced it before it was delivered. */
    SUPERSEDED("superseded"),
    /** A clinician decided on the EHR's resource; the service's view stays here, not in the EHR. */
    SUPERSEDED_BY_CLINICIAN("superseded-by-clinician"),
    /** Failed profile validation; never sent. */
    INVALID("invalid"),
    /** Out of attempts, or refused by the EHR for good; waits for an operator. */
    DEAD("dead");

    private final String code;

    OutboxState(String code) {
        this.code = code;
    }

    /** The value stored in {@code outbox.state}. */
    public String code() {
        return code;
    }

    public static OutboxState of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(OutboxError.UNKNOWN_STATE.message(code)));
    }
}
