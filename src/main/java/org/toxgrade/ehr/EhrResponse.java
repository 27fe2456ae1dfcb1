package org.toxgrade.ehr;

/** An answer of the EHR: status, the headers write-back uses, and the body as text. */
public record EhrResponse(int status, String etag, String location, String body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** Worth trying again later: the EHR is overloaded or failing, not refusing this content. */
    public boolean transientFailure() {
        return status >= 500 || status == 429 || status == 408;
    }
}
