package org.toxgrade.fhir;

import java.util.regex.Pattern;

/**
 * The one id rule of the service, FHIR R4's {@code id} datatype: 1 to 64 of {@code A-Z a-z 0-9 - .}. It
 * holds for every id a sender or reader gives (in a URL, a subject reference, {@code meta.versionId}, a
 * search for a patient), so an id accepted once fits every column it ends up in ({@code Type/} plus 64
 * characters is below the narrowest, 128) and can be read back; anything else (a NUL, an unpaired
 * surrogate, 200 characters) is refused where it arrives, never cut or normalised on the way in.
 */
public final class FhirIds {

    /** The longest FHIR id. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1," + MAX_LENGTH + "}");

    private FhirIds() {
    }

    public static boolean isValid(String id) {
        // The length first: the pattern need not walk a long string to refuse it.
        return id != null && id.length() <= MAX_LENGTH && ID.matcher(id).matches();
    }

    /** The id, or a 400 refusal located at {@code expression} (e.g. {@code Observation.subject.reference}). */
    public static String require(String id, String expression) {
        if (!isValid(id)) {
            throw FhirError.INVALID_ID.refuseAt(expression);
        }
        return id;
    }
}
