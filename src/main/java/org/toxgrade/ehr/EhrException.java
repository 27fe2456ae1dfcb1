package org.toxgrade.ehr;

/**
 * A request to the EHR that got no usable answer. Messages carry a unique code and never patient
 * data (no URLs with identifiers, no response bodies).
 */
public class EhrException extends RuntimeException {

    /** Why there was no answer. */
    public enum Kind {
        /** The circuit is open: the request was not attempted. */
        CIRCUIT_OPEN,
        /** Connection refused or reset, timeout, TLS failure. */
        TRANSPORT,
        /** The service could not get credentials for the EHR (token endpoint). */
        AUTH
    }

    private final Kind kind;

    public EhrException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
