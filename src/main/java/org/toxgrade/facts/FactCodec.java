package org.toxgrade.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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

/**
 * JSON form of every fact, so the service can keep facts in PostgreSQL (a {@code kind} column and a
 * {@code jsonb} column) and rebuild them without the FHIR resource. The kind names are stored
 * data: never rename one. Fields are the record components; instants are ISO-8601 strings, enums
 * their names. Decoding goes through the records' constructors, so a stored fact that no longer
 * satisfies its invariants fails loudly instead of grading.
 */
public final class FactCodec {

    /** A fact ready for storage. */
    public record EncodedFact(String kind, String json) {

        public EncodedFact {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(json, "json");
        }
    }

    private static final Map<String, Class<?>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("temperature", Temperature.class);
        KINDS.put("blood-pressure", BloodPressure.class);
        KINDS.put("vasopressor-infusion", VasopressorInfusion.class);
        KINDS.put("oxygen-support", OxygenSupport.class);
        KINDS.put("ice-score", IceScore.class);
        KINDS.put("capd-score", CapdScore.class);
        KINDS.put("consciousness-level", ConsciousnessLevel.class);
        KINDS.put("seizure", Seizure.class);
        KINDS.put("motor-finding", MotorFinding.class);
        KINDS.put("neuro-imaging", NeuroImaging.class);
        KINDS.put("icp-sign", IcpSign.class);
        KINDS.put("other-neuro-finding", OtherNeuroFinding.class);
        KINDS.put("drug-dose", DrugDose.class);
        KINDS.put("death-attribution", DeathAttribution.class);
        KINDS.put("ice-developmental-inability", DevelopmentalInability.class);
        KINDS.put("car-t-infusion", CarTInfusion.class);
        KINDS.put("lab-result", LabResult.class);
        KINDS.put("oxygen-flow", OxygenFlow.class);
        KINDS.put("oxygen-indication", OxygenIndication.class);
        KINDS.put("body-height", BodyHeight.class);
        KINDS.put("patient-sex", PatientSex.class);
    }

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Every kind, in a stable order (for tests and schema checks). */
    public static Set<String> kinds() {
        return Collections.unmodifiableSet(KINDS.keySet());
    }

    public EncodedFact encode(Fact fact) {
        return encodeAny(fact);
    }

    public EncodedFact encode(ContextFact fact) {
        return encodeAny(fact);
    }

    /** A grading {@link Fact} or a {@link ContextFact}, by kind. */
    public Object decode(EncodedFact encoded) {
        Class<?> type = KINDS.get(encoded.kind());
        if (type == null) {
            throw new IllegalArgumentException(FactError.UNKNOWN_STORED_KIND.message(encoded.kind()));
        }
        try {
            return json.readValue(encoded.json(), type);
        } catch (JsonProcessingException e) {
            // The message of a Jackson error may quote the stored value: keep only the kind.
            throw new IllegalArgumentException(FactError.STORED_FACT_UNDECODABLE.message(encoded.kind()));
        }
    }

    private EncodedFact encodeAny(Object fact) {
        Objects.requireNonNull(fact, "fact");
        String kind = KINDS.entrySet().stream().filter(e -> e.getValue() == fact.getClass()).map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(FactError.NO_KIND_FOR_CLASS.message(fact.getClass())));
        try {
            return new EncodedFact(kind, json.writeValueAsString(fact));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(FactError.FACT_UNENCODABLE.message(kind), e);
        }
    }
}
