package org.toxgrade.facts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;
import org.toxgrade.grading.fact.BloodPressure;
import org.toxgrade.grading.fact.CapdScore;
import org.toxgrade.grading.fact.ConsciousnessLevel;
import org.toxgrade.grading.fact.DeathAttribution;
import org.toxgrade.grading.fact.DevelopmentalInability;
import org.toxgrade.grading.fact.IceScore;
import org.toxgrade.grading.fact.IcpSign;
import org.toxgrade.grading.fact.MotorFinding;
import org.toxgrade.grading.fact.NeuroImaging;
import org.toxgrade.grading.fact.OtherNeuroFinding;
import org.toxgrade.grading.fact.OxygenSupport;
import org.toxgrade.grading.fact.Seizure;
import org.toxgrade.grading.fact.Temperature;

/**
 * Observations of the input contract (docs/clinical-rules.md section 8) to facts.
 *
 * <p>Status: {@code final}, {@code amended} and {@code corrected} count; {@code preliminary} only
 * when configured; {@code registered} and {@code unknown} yield nothing (not an error);
 * {@code entered-in-error} and {@code cancelled} retract.
 *
 * <p>No value but a {@code dataAbsentReason}: no fact, except for the ICE and CAPD, where
 * {@code data-absent-reason#not-performed} means the assessment could not be performed. The
 * grading's {@code IceScore} keeps it as not performed ({@code unableBecauseUnarousable}, the stored
 * name); it grades 4, the ASTCT cell "0 (patient is unarousable and unable to perform ICE)", only
 * with an unarousable level of consciousness at the same assessment (docs/clinical-rules.md section 3).
 * Senders use another reason ({@code asked-declined}, {@code not-asked}, ...) when the ICE was
 * skipped for any other reason, which yields no fact.
 */
final class ObservationMapper {

    private static final List<Concept> OBSERVATION_CONCEPTS = List.of(Concept.TEMPERATURE, Concept.BP_PANEL,
            Concept.SYSTOLIC, Concept.DIASTOLIC, Concept.MAP, Concept.HEART_RATE, Concept.OXYGEN_SATURATION,
            Concept.O2_FLOW, Concept.FIO2, Concept.GCS, Concept.OXYGEN_DEVICE, Concept.OXYGEN_INDICATION,
            Concept.ICE, Concept.CAPD, Concept.ICE_DEVELOPMENTAL_INABILITY, Concept.LOC, Concept.SEIZURE, Concept.MOTOR,
            Concept.NEUROIMAGING,
            Concept.ICP_SIGN, Concept.NEURO_FINDING, Concept.DEATH_ATTRIBUTION, Concept.LAB, Concept.BODY_HEIGHT);
    private static final List<Concept> BP_COMPONENTS = List.of(Concept.SYSTOLIC, Concept.DIASTOLIC, Concept.MAP);
    private static final String DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    private static final String MM_HG = "mm[Hg]";
    private static final double MIN_HEIGHT_CM = 20;
    private static final double MAX_HEIGHT_CM = 250;
    private static final String L_PER_MIN = "L/min";
    /** ICE items and their maximum (docs/clinical-rules.md section 3): orientation 4, naming 3, the others 1. */
    private static final Map<String, Integer> ICE_ITEM_MAX = Map.of("ice-orientation", 4, "ice-naming", 3,
            "ice-command", 1, "ice-writing", 1, "ice-attention", 1);
    private static final String VALUE = "Observation.value[x]";
    private static final String VALUE_QUANTITY = "Observation.valueQuantity";
    private static final String VALUE_CONCEPT = "Observation.valueCodeableConcept";

    private final Terminology terminology;
    private final FactMappingConfig config;

    ObservationMapper(Terminology terminology, FactMappingConfig config) {
        this.terminology = terminology;
        this.config = config;
    }

    FactExtraction map(Observation observation) {
        String patient = Subjects.patientReference(observation.getSubject(), "Observation.subject");
        ExtractionBuilder out = ExtractionBuilder.forResource(observation, patient);
        if (observation.getStatus() == null) {
            throw new FactMappingException(FactError.MISSING_STATUS, "Observation.status");
        }
        switch (observation.getStatus()) {
            case ENTEREDINERROR, CANCELLED:
                return out.retracts().build();
            case FINAL, AMENDED, CORRECTED:
                break;
            case PRELIMINARY:
                if (config.countPreliminary()) {
                    break;
                }
                return out.build();
            default:
                // registered, unknown: no result yet.
                return out.build();
        }
        Terminology.Resolution code = terminology.resolve(observation.getCode(), OBSERVATION_CONCEPTS,
                "Observation.code");
        if (!code.matched()) {
            return out.unknown(code.unknown()).build();
        }
        new Reading(observation, out, effective(observation)).map(code.concept());
        return out.build();
    }

    private static Instant effective(Observation observation) {
        Type effective = observation.getEffective();
        if (effective instanceof DateTimeType t) {
            return Times.instant(t, "Observation.effectiveDateTime");
        }
        if (effective instanceof Period p) {
            return Times.start(p, "Observation.effectivePeriod");
        }
        if (effective instanceof InstantType t) {
            return Times.instant(t, "Observation.effectiveInstant");
        }
        throw new FactMappingException(FactError.MISSING_TIME, "Observation.effective[x]");
    }

    /** One observation being read: its id, time and where its facts go. */
    private final class Reading {

        private final Observation observation;
        private final ExtractionBuilder out;
        private final String id;
        private final Instant time;

        Reading(Observation observation, ExtractionBuilder out, Instant time) {
            this.observation = observation;
            this.out = out;
            this.id = out.source();
            this.time = time;
        }

        void map(Concept concept) {
            switch (concept) {
                case TEMPERATURE -> temperature();
                case BP_PANEL -> bloodPressurePanel();
                case SYSTOLIC, DIASTOLIC, MAP -> bloodPressureComponent(concept);
                case O2_FLOW -> withQuantity(q -> out.context(new OxygenFlow(id, time, flow(q, VALUE_QUANTITY))));
                case OXYGEN_SATURATION -> flowComponent();
                case OXYGEN_DEVICE -> oxygenDevice();
                case OXYGEN_INDICATION -> withValue("oxygen-indications",
                        c -> out.context(new OxygenIndication(id, time, "comfort".equals(c))));
                case ICE -> ice();
                case CAPD -> capd();
                case ICE_DEVELOPMENTAL_INABILITY -> developmentalInability();
                case LOC -> withValue("consciousness-levels",
                        c -> out.fact(new ConsciousnessLevel(id, time, ConsciousnessLevel.Level.valueOf(constant(c)))));
                case SEIZURE -> withValue("seizure-types",
                        c -> out.fact(new Seizure(id, time, Seizure.Kind.valueOf(constant(c)))));
                case MOTOR -> withValue("motor-findings",
                        c -> out.fact(new MotorFinding(id, time, MotorFinding.Kind.valueOf(constant(c)))));
                case NEUROIMAGING -> withValue("neuroimaging-findings",
                        c -> out.fact(new NeuroImaging(id, time, NeuroImaging.Finding.valueOf(constant(c)))));
                case ICP_SIGN -> withValue("icp-signs", this::icpSign);
                case NEURO_FINDING -> withValue("other-neuro-findings",
                        c -> out.fact(new OtherNeuroFinding(id, time, OtherNeuroFinding.Kind.valueOf(constant(c)))));
                case DEATH_ATTRIBUTION -> withValue("death-attributions",
                        c -> out.fact(new DeathAttribution(id, time, DeathAttribution.Cause.valueOf(constant(c)))));
                case LAB -> lab(observation.getCode());
                case BODY_HEIGHT -> height();
                case HEART_RATE, FIO2, GCS -> {
                    // Known contract codes the grading does not read (SpO2, FiO2, GCS do not grade ASTCT CRS/ICANS).
                }
                default -> throw new IllegalStateException("unhandled observation concept " + concept);
            }
        }

        /**
         * A sign of raised intracranial pressure, or {@code none}: an examination that found none (seed
         * PRES case day 8, "fundoscopic exam [was] unremarkable"). A negative examination is known and
         * stored but yields no fact: ASTCT grades ICANS on the signs present, so it can neither lower a
         * grade nor end a flag that imaging raised (docs/clinical-rules.md section 8).
         */
        private void icpSign(String code) {
            if (!"none".equals(code)) {
                out.fact(new IcpSign(id, time, IcpSign.Sign.valueOf(constant(code))));
            }
        }

        private void temperature() {
            withQuantity(q -> {
                double celsius = Ucum.celsius(q, VALUE_QUANTITY);
                if (celsius < config.minCelsius() || celsius > config.maxCelsius()) {
                    throw new FactMappingException(FactError.TEMPERATURE_IMPLAUSIBLE, VALUE_QUANTITY + ".value");
                }
                out.fact(new Temperature(id, time, celsius));
            });
        }

        /** Body height in cm; outside 20-250 cm it cannot be a person's height (a typo or a unit error). */
        private void height() {
            withQuantity(q -> {
                double cm = Ucum.centimetres(q, VALUE_QUANTITY);
                if (cm < MIN_HEIGHT_CM || cm > MAX_HEIGHT_CM) {
                    throw new FactMappingException(FactError.HEIGHT_IMPLAUSIBLE, VALUE_QUANTITY + ".value");
                }
                out.context(new BodyHeight(id, time, cm));
            });
        }

        private void bloodPressurePanel() {
            Double[] values = new Double[3];
            List<ObservationComponentComponent> components = observation.getComponent();
            for (int i = 0; i < components.size(); i++) {
                ObservationComponentComponent component = components.get(i);
                String path = "Observation.component[" + i + "]";
                Terminology.Resolution code = terminology.resolve(component.getCode(), BP_COMPONENTS, path + ".code");
                if (!code.matched()) {
                    out.unknown(code.unknown());
                    continue;
                }
                if (!component.hasValue()) {
                    if (component.hasDataAbsentReason()) {
                        continue;
                    }
                    throw new FactMappingException(FactError.MISSING_VALUE, path + ".value[x]");
                }
                if (!(component.getValue() instanceof Quantity q)) {
                    throw new FactMappingException(FactError.WRONG_VALUE_TYPE, path + ".value[x]");
                }
                values[BP_COMPONENTS.indexOf(code.concept())] = pressure(q, path + ".valueQuantity");
            }
            if (values[0] == null && values[1] == null && values[2] == null) {
                throw new FactMappingException(FactError.BLOOD_PRESSURE_WITHOUT_COMPONENTS, "Observation.component");
            }
            out.fact(new BloodPressure(id, time, values[0], values[1], values[2]));
        }

        private void bloodPressureComponent(Concept concept) {
            withQuantity(q -> {
                double value = pressure(q, VALUE_QUANTITY);
                out.fact(switch (concept) {
                    case SYSTOLIC -> new BloodPressure(id, time, value, null, null);
                    case DIASTOLIC -> new BloodPressure(id, time, null, value, null);
                    default -> new BloodPressure(id, time, null, null, value);
                });
            });
        }

        private double pressure(Quantity quantity, String path) {
            double value = Ucum.in(MM_HG, quantity, path);
            if (value < config.minBloodPressure() || value > config.maxBloodPressure()) {
                throw new FactMappingException(FactError.BLOOD_PRESSURE_IMPLAUSIBLE, path + ".value");
            }
            return value;
        }

        private double flow(Quantity quantity, String path) {
            double value = Ucum.in(L_PER_MIN, quantity, path);
            if (value < 0 || value > config.maxOxygenFlow()) {
                throw new FactMappingException(FactError.FLOW_IMPLAUSIBLE, path + ".value");
            }
            return value;
        }

        /** A 3151-8 component of a pulse-oximetry Observation; the saturation itself does not grade. */
        private void flowComponent() {
            Double flow = componentFlow();
            if (flow != null) {
                out.context(new OxygenFlow(id, time, flow));
            }
        }

        private Double componentFlow() {
            List<ObservationComponentComponent> components = observation.getComponent();
            for (int i = 0; i < components.size(); i++) {
                ObservationComponentComponent component = components.get(i);
                String path = "Observation.component[" + i + "]";
                Terminology.Resolution code = terminology.resolve(component.getCode(), List.of(Concept.O2_FLOW),
                        path + ".code");
                if (code.matched() && component.getValue() instanceof Quantity q) {
                    return flow(q, path + ".valueQuantity");
                }
            }
            return null;
        }

        private void oxygenDevice() {
            withValue("oxygen-devices", device -> {
                Double flow = componentFlow();
                boolean comfort = false;
                List<ObservationComponentComponent> components = observation.getComponent();
                for (int i = 0; i < components.size(); i++) {
                    ObservationComponentComponent component = components.get(i);
                    String path = "Observation.component[" + i + "]";
                    Terminology.Resolution code = terminology.resolve(component.getCode(),
                            List.of(Concept.OXYGEN_INDICATION), path + ".code");
                    if (code.matched() && component.getValue() instanceof CodeableConcept indication) {
                        Terminology.Resolution value = terminology.resolveValue(indication, "oxygen-indications",
                                path + ".valueCodeableConcept");
                        out.unknown(value.unknown());
                        comfort = value.matched() && "comfort".equals(value.code());
                    }
                }
                out.fact(new OxygenSupport(id, time, OxygenSupport.Device.valueOf(constant(device)), flow, comfort));
            });
        }

        private void ice() {
            Integer total = score(VALUE, 0, 10, FactError.ICE_OUT_OF_RANGE);
            if (total == null) {
                total = iceItems();
            }
            if (total != null) {
                out.fact(new IceScore(id, time, total, false));
            } else if (notPerformed()) {
                out.fact(new IceScore(id, time, null, true));
            } else if (!observation.hasDataAbsentReason()) {
                throw new FactMappingException(FactError.MISSING_VALUE, VALUE);
            }
        }

        /** Sum of the five item components, or {@code null} when none is sent. */
        private Integer iceItems() {
            int sum = 0;
            int found = 0;
            List<ObservationComponentComponent> components = observation.getComponent();
            for (int i = 0; i < components.size(); i++) {
                ObservationComponentComponent component = components.get(i);
                String path = "Observation.component[" + i + "]";
                Terminology.Resolution code = terminology.resolve(component.getCode(), List.of(Concept.ICE_ITEM),
                        path + ".code");
                if (!code.matched()) {
                    out.unknown(code.unknown());
                    continue;
                }
                Integer value = integer(component.getValue(), path + ".value[x]", FactError.ICE_ITEM_OUT_OF_RANGE);
                if (value == null) {
                    continue;
                }
                if (value < 0 || value > ICE_ITEM_MAX.get(code.code())) {
                    throw new FactMappingException(FactError.ICE_ITEM_OUT_OF_RANGE, path + ".value[x]");
                }
                sum += value;
                found++;
            }
            if (found == 0) {
                return null;
            }
            if (found != ICE_ITEM_MAX.size()) {
                throw new FactMappingException(FactError.ICE_ITEMS_INCOMPLETE, "Observation.component");
            }
            return sum;
        }

        private void capd() {
            Integer total = score(VALUE, 0, 32, FactError.CAPD_OUT_OF_RANGE);
            if (total != null) {
                out.fact(new CapdScore(id, time, total, false));
            } else if (notPerformed()) {
                out.fact(new CapdScore(id, time, null, true));
            } else if (!observation.hasDataAbsentReason()) {
                throw new FactMappingException(FactError.MISSING_VALUE, VALUE);
            }
        }

        /**
         * docs/clinical-rules.md section 8: valueBoolean {@code true}, the CAPD is used from its effective
         * time on whatever the age; {@code false} is kept too, a later statement that the age decides
         * again. No value: a dataAbsentReason yields nothing, otherwise the value is missing.
         */
        private void developmentalInability() {
            Type value = observation.getValue();
            if (value == null || value.isEmpty()) {
                if (observation.hasDataAbsentReason()) {
                    return;
                }
                throw new FactMappingException(FactError.MISSING_VALUE, VALUE);
            }
            if (!(value instanceof BooleanType b)) {
                throw new FactMappingException(FactError.WRONG_VALUE_TYPE, VALUE);
            }
            out.fact(new DevelopmentalInability(id, time, b.booleanValue()));
        }

        private Integer score(String path, int min, int max, FactError outOfRange) {
            Integer value = integer(observation.getValue(), path, outOfRange);
            if (value != null && (value < min || value > max)) {
                throw new FactMappingException(outOfRange, path);
            }
            return value;
        }

        /** A score as valueInteger, or as a valueQuantity holding a whole number. */
        private Integer integer(Type value, String path, FactError outOfRange) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            if (value instanceof IntegerType i) {
                return i.getValue();
            }
            if (value instanceof Quantity q && q.hasValue()) {
                double d = q.getValue().doubleValue();
                if (d != Math.rint(d) || Math.abs(d) > 1000) {
                    throw new FactMappingException(outOfRange, path);
                }
                return (int) d;
            }
            throw new FactMappingException(FactError.WRONG_VALUE_TYPE, path);
        }

        private boolean notPerformed() {
            return observation.getDataAbsentReason().getCoding().stream()
                    .anyMatch(c -> DATA_ABSENT_REASON.equals(c.getSystem()) && "not-performed".equals(c.getCode()));
        }

        private void lab(CodeableConcept code) {
            withQuantity(q -> {
                double value = Ucum.value(q, VALUE_QUANTITY);
                String unit = Ucum.unit(q, VALUE_QUANTITY);
                if (value < 0 || !Double.isFinite(value)) {
                    throw new FactMappingException(FactError.LAB_VALUE_IMPLAUSIBLE, VALUE_QUANTITY + ".value");
                }
                String loinc = terminology.resolve(code, List.of(Concept.LAB), "Observation.code").code();
                // A neutrophil count grades ICAHT, so its unit must convert: never assumed (section 8).
                if (NeutrophilCounts.isNeutrophilCount(loinc) && NeutrophilCounts.gigaPerLitre(value, unit).isEmpty()) {
                    throw new FactMappingException(FactError.UNKNOWN_UNIT, VALUE_QUANTITY + ".code");
                }
                out.context(new LabResult(id, time, loinc, value, unit));
            });
        }

        /** Runs the action on the valueQuantity; no value with a dataAbsentReason yields nothing. */
        private void withQuantity(Consumer<Quantity> action) {
            Type value = observation.getValue();
            if (value == null || value.isEmpty()) {
                if (observation.hasDataAbsentReason()) {
                    return;
                }
                throw new FactMappingException(FactError.MISSING_VALUE, VALUE);
            }
            if (!(value instanceof Quantity q)) {
                throw new FactMappingException(FactError.WRONG_VALUE_TYPE, VALUE);
            }
            action.accept(q);
        }

        /**
         * Runs the action on the contract code of the valueCodeableConcept when it is in the value
         * ValueSet; a value outside it is an unknown code (reported, no fact).
         */
        private void withValue(String valueSetId, Consumer<String> action) {
            Type value = observation.getValue();
            if (value == null || value.isEmpty()) {
                if (observation.hasDataAbsentReason()) {
                    return;
                }
                throw new FactMappingException(FactError.MISSING_VALUE, VALUE_CONCEPT);
            }
            if (!(value instanceof CodeableConcept concept)) {
                throw new FactMappingException(FactError.WRONG_VALUE_TYPE, VALUE);
            }
            Terminology.Resolution resolved = terminology.resolveValue(concept, valueSetId, VALUE_CONCEPT);
            if (!resolved.matched()) {
                out.unknown(resolved.unknown());
                return;
            }
            action.accept(resolved.code());
        }
    }

    /** Contract codes are kebab-case; the fact enums are their upper-snake-case twins. */
    private static String constant(String code) {
        return code.toUpperCase(Locale.ROOT).replace('-', '_');
    }

}
