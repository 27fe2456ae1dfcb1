package org.toxgrade.facts;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Period;

/** Clinically effective times (docs/clinical-rules.md section 8: {@code effectiveDateTime}, or the start of {@code effectivePeriod}). */
final class Times {

    private Times() {
    }

    /**
     * An instant from a dateTime that names a time of day and a zone. A date alone ("2026-03-07")
     * cannot place a temperature inside a 24 h fever window or before or after an infusion, and a
     * local time without zone is ambiguous by hours; both are errors, never guesses.
     */
    static Instant instant(BaseDateTimeType value, String fhirPath) {
        if (value == null || value.getValue() == null) {
            throw new FactMappingException(FactError.MISSING_TIME, fhirPath);
        }
        if (value.getPrecision().ordinal() < TemporalPrecisionEnum.MINUTE.ordinal()
                || (value.getTimeZone() == null && !value.isTimeZoneZulu())) {
            throw new FactMappingException(FactError.IMPRECISE_TIME, fhirPath);
        }
        return value.getValue().toInstant();
    }

    /** Start of a period; an end, when present, must not be before it. */
    static Instant start(Period period, String fhirPath) {
        if (period == null || !period.hasStartElement()) {
            throw new FactMappingException(FactError.MISSING_TIME, fhirPath + ".start");
        }
        Instant start = instant(period.getStartElement(), fhirPath + ".start");
        Instant end = end(period, fhirPath);
        if (end != null && end.isBefore(start)) {
            throw new FactMappingException(FactError.PERIOD_ENDS_BEFORE_START, fhirPath + ".end");
        }
        return start;
    }

    /** End of a period, {@code null} when open (e.g. an infusion still running). */
    static Instant end(Period period, String fhirPath) {
        return period.hasEndElement() ? instant(period.getEndElement(), fhirPath + ".end") : null;
    }
}
