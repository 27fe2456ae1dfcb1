package org.toxgrade.flags.cases;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times in flag case files: an ISO instant, or {@code day N HH:MM[:SS]}, local time on calendar
 * day N after the infusion date (day 0) in the case zone; negative days are baseline. Same
 * notation as the grading case tables.
 */
public record CaseTime(LocalDateTime infusion, ZoneId zone) {

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
