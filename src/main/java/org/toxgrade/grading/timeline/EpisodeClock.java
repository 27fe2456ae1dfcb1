package org.toxgrade.grading.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Calendar arithmetic of an episode in the facility time zone: episode days (day 0 = calendar
 * day of infusion, docs/clinical-rules.md section 1) and the patient's age in whole years at an instant.
 */
public final class EpisodeClock {

    private final ZoneId zone;
    private final LocalDate infusionDate;
    private final LocalDate birthDate;

    public EpisodeClock(ZoneId zone, Instant infusion, LocalDate birthDate) {
        this.zone = zone;
        this.infusionDate = LocalDate.ofInstant(infusion, zone);
        this.birthDate = birthDate;
    }

    public LocalDate date(Instant t) {
        return LocalDate.ofInstant(t, zone);
    }

    public int day(Instant t) {
        return (int) ChronoUnit.DAYS.between(infusionDate, date(t));
    }

    public LocalDate dateOfDay(int day) {
        return infusionDate.plusDays(day);
    }

    /** The first instant of episode day {@code day} in the facility zone (midnight, or the first instant of a day that starts at a DST gap). */
    public Instant startOfDay(int day) {
        return dateOfDay(day).atStartOfDay(zone).toInstant();
    }

    public boolean birthDateKnown() {
        return birthDate != null;
    }

    /**
     * Age in completed years on the local calendar date of {@code t}; {@code null} when the birth
     * date is unknown. A patient is 12 from the first instant of the 12th birthday.
     */
    public Integer ageInYears(Instant t) {
        if (birthDate == null) {
            return null;
        }
        return Math.max(0, Period.between(birthDate, date(t)).getYears());
    }
}
