package org.toxgrade.grading.cases;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the times of a case file. Either an ISO instant ({@code 2024-03-04T10:00:00Z}) or an
 * episode offset {@code day N HH:MM[:SS]}: local time on calendar day N after the infusion date
 * (day 0), in the case's time zone. Negative days are baseline. The flag case tables use it too.
 */
public record CaseClock(LocalDateTime infusion, ZoneId zone) {

    private static final Pattern DAY_OFFSET = Pattern.compile("day (-?\\d+) (\\d{2}:\\d{2}(?::\\d{2})?)");

    public Instant infusionInstant() {
        return infusion.atZone(zone).toInstant();
    }

    public Instant parse(String text) {
        Matcher m = DAY_OFFSET.matcher(text.trim());
        if (m.matches()) {
            return infusion.toLocalDate().plusDays(Integer.parseInt(m.group(1)))
                    .atTime(LocalTime.parse(m.group(2))).atZone(zone).toInstant();
        }
        return Instant.parse(text);
    }
}
