package org.toxgrade.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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

/** Every fact type survives the trip to the store and back unchanged. */
class FactCodecTest {

    private static final Instant T = Instant.parse("2026-03-07T10:00:00.123Z");
    private final FactCodec codec = new FactCodec();

    static List<Object> everyType() {
        return List.of(
                Temperature.fromFahrenheit("Observation/t", T, 103.3),
                new BloodPressure("Observation/bp", T, 187.0, 109.0, null),
                new VasopressorInfusion("MedicationAdministration/ne", VasopressorInfusion.Agent.NOREPINEPHRINE, T,
                        null),
                new VasopressorInfusion("MedicationAdministration/vp", VasopressorInfusion.Agent.VASOPRESSIN, T,
                        T.plusSeconds(3600)),
                new VasopressorInfusion("MedicationAdministration/ne-open", VasopressorInfusion.Agent.NOREPINEPHRINE,
                        T, null, AdministrationStatus.IN_PROGRESS),
                new VasopressorInfusion("MedicationAdministration/ne-done", VasopressorInfusion.Agent.NOREPINEPHRINE,
                        T, null, AdministrationStatus.COMPLETED),
                new OxygenSupport("Observation/o2", T, OxygenSupport.Device.HIGH_FLOW_NASAL_CANNULA, 30.0, false),
                new OxygenSupport("Observation/o2c", T, OxygenSupport.Device.LOW_FLOW_NASAL_CANNULA, null, true),
                new IceScore("Observation/ice", T, 9, false),
                new IceScore("Observation/ice0", T, null, true),
                new CapdScore("Observation/capd", T, null, true),
                new ConsciousnessLevel("Observation/loc", T, ConsciousnessLevel.Level.AWAKENS_TO_VOICE),
                new Seizure("Observation/sz", T, Seizure.Kind.EEG_NONCONVULSIVE_RESOLVING),
                new MotorFinding("Observation/m", T, MotorFinding.Kind.LIMB_WEAKNESS),
                new NeuroImaging("Observation/img", T, NeuroImaging.Finding.VASOGENIC_EDEMA_PRES_PATTERN),
                new IcpSign("Observation/icp", T, IcpSign.Sign.CN6_PALSY),
                new OtherNeuroFinding("Observation/nf", T, OtherNeuroFinding.Kind.RIGIDITY_SPASMS),
                new DrugDose("MedicationAdministration/mp", T, DrugDose.Category.CORTICOSTEROID, "methylprednisolone",
                        500.0, 93.75),
                new DrugDose("MedicationAdministration/lev", T, DrugDose.Category.ANTISEIZURE, "levetiracetam", null,
                        null),
                new DrugDose("MedicationAdministration/propofol", T, DrugDose.Category.SEDATIVE, "propofol", null, null,
                        T.plusSeconds(7200), AdministrationStatus.STOPPED),
                new DrugDose("MedicationAdministration/propofol-open", T, DrugDose.Category.SEDATIVE, "propofol", null,
                        null, null, AdministrationStatus.ON_HOLD),
                new DeathAttribution("Observation/d", T, DeathAttribution.Cause.CRS),
                new DevelopmentalInability("Observation/dev", T, true),
                new DevelopmentalInability("Observation/dev-able", T, false),
                new CarTInfusion("MedicationAdministration/cart", T),
                new LabResult("Observation/lac", T, "2524-7", 7.4, "mmol/L"),
                new OxygenFlow("Observation/flow", T, 4.0),
                new OxygenIndication("Observation/ind", T, true),
                new BodyHeight("Observation/height", T, 118.5),
                PatientSex.of("Patient/p", PatientSex.Sex.FEMALE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void roundTripsUnchanged(Object fact) {
        FactCodec.EncodedFact encoded = fact instanceof Fact f ? codec.encode(f) : codec.encode((ContextFact) fact);
        assertEquals(fact, codec.decode(encoded));
        assertEquals(fact, codec.decode(new FactCodec.EncodedFact(encoded.kind(), encoded.json())));
    }

    @Test
    void everyKindIsCoveredByTheRoundTrip() {
        Set<String> covered = everyType().stream()
                .map(f -> f instanceof Fact g ? codec.encode(g).kind() : codec.encode((ContextFact) f).kind())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(FactCodec.kinds()), covered);
        assertEquals(Fact.class.getPermittedSubclasses().length + ContextFact.class.getPermittedSubclasses().length,
                FactCodec.kinds().size());
    }

    @Test
    void instantsAreStoredAsIsoText() {
        String json = codec.encode(new Temperature("Observation/t", T, 38.0)).json();
        assertTrue(json.contains("\"2026-03-07T10:00:00.123Z\""), json);
    }

    @Test
    void aStoredFactThatBreaksItsInvariantsFailsWithoutQuotingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> codec.decode(
                new FactCodec.EncodedFact("ice-score",
                        "{\"id\":\"Observation/x\",\"time\":\"2026-03-07T10:00:00Z\",\"score\":14,\"unableBecauseUnarousable\":false}")));
        assertTrue(e.getMessage().startsWith("TG-FACT-081"), e.getMessage());
        assertTrue(!e.getMessage().contains("14") && !e.getMessage().contains("Observation/x"), e.getMessage());
    }

    @Test
    void anInfusionStoredBeforeStatusesWereKeptDecodesWithoutAStatus() {
        // A row written before the status and end were stored: no status means the timing it had then.
        Object decoded = codec.decode(new FactCodec.EncodedFact("vasopressor-infusion",
                "{\"id\":\"MedicationAdministration/ne\",\"agent\":\"NOREPINEPHRINE\","
                        + "\"start\":\"2026-03-07T10:00:00Z\",\"end\":null}"));
        assertEquals(new VasopressorInfusion("MedicationAdministration/ne", VasopressorInfusion.Agent.NOREPINEPHRINE,
                Instant.parse("2026-03-07T10:00:00Z"), null), decoded);
        assertEquals(null, ((VasopressorInfusion) decoded).status());
    }

    @Test
    void aDrugDoseStoredBeforeStatusesWereKeptDecodesAsADoseAtItsTime() {
        Object decoded = codec.decode(new FactCodec.EncodedFact("drug-dose",
                "{\"id\":\"MedicationAdministration/mdz\",\"time\":\"2026-03-07T10:00:00Z\","
                        + "\"category\":\"SEDATIVE\",\"agent\":\"midazolam\",\"doseMg\":2.0,"
                        + "\"dexamethasoneEquivalentMg\":null}"));
        DrugDose dose = (DrugDose) decoded;
        assertEquals(new DrugDose("MedicationAdministration/mdz", Instant.parse("2026-03-07T10:00:00Z"),
                DrugDose.Category.SEDATIVE, "midazolam", 2.0, null), dose);
        assertEquals(null, dose.end());
        assertEquals(null, dose.status());
    }

    @Test
    void theStatusIsStoredByName() {
        String json = codec.encode(new VasopressorInfusion("MedicationAdministration/ne",
                VasopressorInfusion.Agent.NOREPINEPHRINE, T, null, AdministrationStatus.ON_HOLD)).json();
        assertTrue(json.contains("\"status\":\"ON_HOLD\""), json);
    }

    @Test
    void aDevelopmentalInabilityIsStoredWithItsTimeAndValue() {
        // Stored data: the kind name and the fields must stay readable as written.
        String stored = "{\"id\":\"Observation/dev\",\"time\":\"2026-03-07T10:00:00Z\",\"unable\":true}";
        assertEquals(new DevelopmentalInability("Observation/dev", Instant.parse("2026-03-07T10:00:00Z"), true),
                codec.decode(new FactCodec.EncodedFact("ice-developmental-inability", stored)));
        assertEquals(stored, codec.encode(new DevelopmentalInability("Observation/dev",
                Instant.parse("2026-03-07T10:00:00Z"), true)).json());
    }

    @Test
    void anUnknownKindIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> codec.decode(new FactCodec.EncodedFact("glucose", "{}")));
    }
}
