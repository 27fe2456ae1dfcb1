package org.toxgrade.results;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.toxgrade.fhir.FhirIds;

/**
 * Where a page of a search starts: just after (or, for a previous link, just before) one result in the
 * sort order of last-updated time and id. A keyset, not an offset: a page holds the same results however
 * many came before it, and paging to the end sees each result once while nothing changes (a result
 * updated meanwhile moves to its new place in the order). Sent as an opaque {@code _page} token.
 *
 * @param after true: the results after this one; false: the results before it
 */
public record PageCursor(boolean after, OffsetDateTime lastUpdated, String id) {

    /** The token of a next or previous link. */
    public String token() {
        Instant at = lastUpdated.toInstant();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        String text = (after ? "a" : "b") + "." + micros + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of a token, or a 400 when it is not one this service made. */
    public static PageCursor parse(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = text.split("\\.", 3);
            if (parts.length != 3 || !(parts[0].equals("a") || parts[0].equals("b")) || !FhirIds.isValid(parts[2])) {
                throw ResultError.PAGE_INVALID.refuseAt("_page");
            }
            Instant at = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            return new PageCursor(parts[0].equals("a"), at.atOffset(ZoneOffset.UTC), parts[2]);
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw ResultError.PAGE_INVALID.refuseAt("_page");
        }
    }
}
