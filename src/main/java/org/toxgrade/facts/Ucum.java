package org.toxgrade.facts;

import java.util.Map;
import org.hl7.fhir.r4.model.Quantity;

/**
 * UCUM units the contract accepts, converted to the unit the facts hold (docs/clinical-rules.md section 8).
 * Units are read from {@code Quantity.code} (the machine-readable UCUM code), never from the
 * display text in {@code Quantity.unit}; a quantity with a unit we do not know is an error, never
 * assumed (section 2: "convert, never assume").
 */
final class Ucum {

    static final String SYSTEM = "http://unitsofmeasure.org";

    /** Mass units to milligrams. */
    private static final Map<String, Double> TO_MG = Map.of("mg", 1.0, "g", 1000.0, "ug", 0.001);
    /** Length units to centimetres (the vital-signs body height units cm and [in_i], and m, mm). */
    private static final Map<String, Double> TO_CM = Map.of("cm", 1.0, "m", 100.0, "mm", 0.1, "[in_i]", 2.54);

    private Ucum() {
    }

    /** The numeric value, which must be present. */
    static double value(Quantity quantity, String fhirPath) {
        if (quantity == null || !quantity.hasValue()) {
            throw new FactMappingException(FactError.MISSING_VALUE, fhirPath + ".value");
        }
        return quantity.getValue().doubleValue();
    }

    /** The UCUM code; a missing code or a non-UCUM system is an error. */
    static String unit(Quantity quantity, String fhirPath) {
        if (!quantity.hasCode()) {
            throw new FactMappingException(FactError.MISSING_UNIT, fhirPath + ".code");
        }
        if (quantity.hasSystem() && !SYSTEM.equals(quantity.getSystem())) {
            throw new FactMappingException(FactError.UNKNOWN_UNIT, fhirPath + ".system");
        }
        return quantity.getCode();
    }

    /** Degrees Celsius from {@code Cel} or {@code [degF]}. */
    static double celsius(Quantity quantity, String fhirPath) {
        double value = value(quantity, fhirPath);
        return switch (unit(quantity, fhirPath)) {
            case "Cel" -> value;
            case "[degF]" -> (value - 32.0) * 5.0 / 9.0;
            default -> throw new FactMappingException(FactError.UNKNOWN_UNIT, fhirPath + ".code");
        };
    }

    /** A value that must be in exactly one unit (mm[Hg], L/min). */
    static double in(String expectedUnit, Quantity quantity, String fhirPath) {
        double value = value(quantity, fhirPath);
        if (!expectedUnit.equals(unit(quantity, fhirPath))) {
            throw new FactMappingException(FactError.UNKNOWN_UNIT, fhirPath + ".code");
        }
        return value;
    }

    /** A length in cm from {@code cm}, {@code m}, {@code mm} or {@code [in_i]}. */
    static double centimetres(Quantity quantity, String fhirPath) {
        double value = value(quantity, fhirPath);
        Double factor = TO_CM.get(unit(quantity, fhirPath));
        if (factor == null) {
            throw new FactMappingException(FactError.UNKNOWN_UNIT, fhirPath + ".code");
        }
        return value * factor;
    }

    /** A dose in mg from {@code mg}, {@code g} or {@code ug}. */
    static double milligrams(Quantity quantity, String fhirPath) {
        double value = value(quantity, fhirPath);
        Double factor = TO_MG.get(unit(quantity, fhirPath));
        if (factor == null) {
            throw new FactMappingException(FactError.DOSE_NOT_A_MASS, fhirPath + ".code");
        }
        return value * factor;
    }
}
