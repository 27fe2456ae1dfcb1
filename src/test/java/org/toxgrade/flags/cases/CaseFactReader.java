package org.toxgrade.flags.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.toxgrade.grading.fact.BloodPressure;
import org.toxgrade.grading.fact.CapdScore;
import org.toxgrade.grading.fact.ConsciousnessLevel;
import org.toxgrade.grading.fact.DeathAttribution;
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

/**
 * Reads the {@code facts} array of a flag case: the fact format of
 * {@code src/test/resources/grading/README.md}, plus {@code "repeat": {"every": "6h", "until": time}}
 * on a {@code drug} to chart a regular regimen in one line (ids get {@code -1}, {@code -2}, ...).
 */
public final class CaseFactReader {

    private CaseFactReader() {
    }

    public static List<Fact> read(JsonNode facts, CaseTime time) {
        List<Fact> result = new ArrayList<>();
        int index = 0;
        for (JsonNode f : facts) {
            index++;
            String type = f.path("type").asText();
            String id = f.hasNonNull("id") ? f.get("id").asText() : "Observation/" + type + "-" + index;
            if (f.has("repeat")) {
                Instant at = time.parse(text(f, "at"));
                Instant until = time.parse(f.get("repeat").get("until").asText());
                java.time.Duration every = java.time.Duration.parse("PT" + f.get("repeat").get("every").asText());
                int n = 1;
                for (Instant t = at; !t.isAfter(until); t = t.plus(every)) {
                    result.add(fact(type, id + "-" + n++, t, f, time));
                }
            } else {
                result.add(fact(type, id, f.hasNonNull("at") ? time.parse(f.get("at").asText()) : null, f, time));
            }
        }
        return result;
    }

    private static Fact fact(String type, String id, Instant at, JsonNode f, CaseTime time) {
        return switch (type) {
            case "temperature" -> f.has("fahrenheit")
                    ? Temperature.fromFahrenheit(id, at, f.get("fahrenheit").asDouble())
                    : new Temperature(id, at, f.get("celsius").asDouble());
            case "bp" -> new BloodPressure(id, at, decimal(f, "systolic"), decimal(f, "diastolic"), decimal(f, "mean"));
            case "vasopressor" -> new VasopressorInfusion(id, VasopressorInfusion.Agent.valueOf(text(f, "agent")),
                    time.parse(text(f, "start")), f.hasNonNull("end") ? time.parse(text(f, "end")) : null);
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
                    f.path("agent").asText("unspecified"), decimal(f, "doseMg"), decimal(f, "dexamethasoneMg"));
            case "death" -> new DeathAttribution(id, at, DeathAttribution.Cause.valueOf(text(f, "cause")));
            default -> throw new IllegalArgumentException("unknown fact type '" + type + "' in " + f);
        };
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
