package org.toxgrade.grading.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.toxgrade.grading.fact.AdministrationStatus;
import org.toxgrade.grading.fact.BloodPressure;
import org.toxgrade.grading.fact.CapdScore;
import org.toxgrade.grading.fact.ConsciousnessLevel;
import org.toxgrade.grading.fact.DeathAttribution;
import org.toxgrade.grading.fact.DevelopmentalInability;
import org.toxgrade.grading.fact.DrugDose;
import org.toxgrade.grading.fact.Fact;
import org.toxgrade.grading.fact.IceScore;
import org.toxgrade.grading.fact.IcpSign;
import org.toxgrade.grading.fact.MotorFinding;
import org.toxgrade.grading.fact.NeuroImaging;
import org.toxgrade.grading.fact.OtherNeuroFinding;
import org.toxgrade.grading.fact.OxygenSupport;
import org.toxgrade.grading.fact.Seizure;
import org.toxgrade.grading.fact.Temperature;
import org.toxgrade.grading.fact.VasopressorInfusion;

/** Builds fact records from the {@code facts} array of a case; see {@code grading/README.md}. */
public final class CaseFacts {

    private CaseFacts() {
    }

    static List<Fact> read(JsonNode facts, CaseClock clock) {
        List<Fact> result = new ArrayList<>();
        int index = 0;
        for (JsonNode f : facts) {
            index++;
            String type = f.path("type").asText();
            String id = f.hasNonNull("id") ? f.get("id").asText() : "Observation/" + type + "-" + index;
            Instant at = f.hasNonNull("at") ? clock.parse(f.get("at").asText()) : null;
            result.add(fact(type, id, at, f, clock::parse));
        }
        return result;
    }

    /**
     * One fact of the case format. Shared with the flag cases, which chart facts in the same format.
     *
     * @param parse reads the case's times ({@code day N HH:MM} or an ISO instant)
     */
    public static Fact fact(String type, String id, Instant at, JsonNode f, Function<String, Instant> parse) {
        return switch (type) {
            case "temperature" -> f.has("fahrenheit")
                    ? Temperature.fromFahrenheit(id, at, f.get("fahrenheit").asDouble())
                    : new Temperature(id, at, f.get("celsius").asDouble());
            case "bp" -> new BloodPressure(id, at, decimal(f, "systolic"), decimal(f, "diastolic"),
                    decimal(f, "mean"));
            case "vasopressor" -> new VasopressorInfusion(id, VasopressorInfusion.Agent.valueOf(text(f, "agent")),
                    parse.apply(text(f, "start")), f.hasNonNull("end") ? parse.apply(text(f, "end")) : null,
                    status(f));
            case "oxygen" -> new OxygenSupport(id, at, OxygenSupport.Device.valueOf(text(f, "device")),
                    decimal(f, "flow"), f.path("comfort").asBoolean(false));
            case "ice" -> new IceScore(id, at, integer(f, "score"), f.path("unarousable").asBoolean(false));
            case "capd" -> new CapdScore(id, at, integer(f, "score"), f.path("unable").asBoolean(false));
            case "loc" -> new ConsciousnessLevel(id, at, ConsciousnessLevel.Level.valueOf(text(f, "level")));
            case "seizure" -> new Seizure(id, at, Seizure.Kind.valueOf(text(f, "kind")));
            case "motor" -> new MotorFinding(id, at, MotorFinding.Kind.valueOf(text(f, "kind")));
            case "imaging" -> new NeuroImaging(id, at, NeuroImaging.Finding.valueOf(text(f, "finding")));
            case "icp" -> new IcpSign(id, at, IcpSign.Sign.valueOf(text(f, "sign")));
            case "neuro" -> new OtherNeuroFinding(id, at, OtherNeuroFinding.Kind.valueOf(text(f, "kind")));
            case "drug" -> new DrugDose(id, at, DrugDose.Category.valueOf(text(f, "category")),
                    f.path("agent").asText("unspecified"), decimal(f, "doseMg"), decimal(f, "dexamethasoneMg"),
                    f.hasNonNull("end") ? parse.apply(text(f, "end")) : null, status(f));
            case "death" -> new DeathAttribution(id, at, DeathAttribution.Cause.valueOf(text(f, "cause")));
            case "ice-inability" -> new DevelopmentalInability(id, at, f.path("unable").asBoolean(true));
            default -> throw new IllegalArgumentException("unknown fact type '" + type + "' in " + f);
        };
    }

    /** The administration status ({@code IN_PROGRESS}, {@code ON_HOLD}, {@code COMPLETED}, {@code STOPPED}); absent = none. */
    private static AdministrationStatus status(JsonNode f) {
        return f.hasNonNull("status") ? AdministrationStatus.valueOf(f.get("status").asText()) : null;
    }

    private static String text(JsonNode f, String field) {
        if (!f.hasNonNull(field)) {
            throw new IllegalArgumentException("missing '" + field + "' in " + f);
        }
        return f.get(field).asText();
    }

    private static Double decimal(JsonNode f, String field) {
        return f.hasNonNull(field) ? f.get(field).asDouble() : null;
    }

    private static Integer integer(JsonNode f, String field) {
        return f.hasNonNull(field) ? f.get(field).asInt() : null;
    }
}
