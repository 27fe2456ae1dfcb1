package org.toxgrade.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.fact.BloodPressure;
import org.toxgrade.grading.fact.Fact;
import org.toxgrade.grading.fact.OxygenSupport;

/**
 * Builds the grading's {@link EpisodeFacts} from what is stored for a patient, pairing what the EHR
 * may send as separate Observations (docs/clinical-rules.md section 8). Pure and order-independent: the
 * result is the same whatever order the facts arrived in (section 4).
 *
 * <ul>
 *   <li><b>Oxygen flow</b> sent on its own (3151-8 Observation or pulse-oximetry component) pairs
 *       with the oxygen device charted at the same instant when that device has no flow of its own
 *       (the device fact takes the flow and keeps its id); otherwise with the latest device charted
 *       before it within the pairing window, as a new {@code OxygenSupport} at the flow's time with
 *       the flow's id, so the grading re-assesses at that instant. A flow with no device in the
 *       window does not grade: the ASTCT hypoxia column is read from the device, and a device is
 *       never guessed from a flow.</li>
 *   <li><b>Oxygen indication</b> sent on its own applies to every oxygen device fact at or after it
 *       within the pairing window, until the next indication: {@code comfort} marks the oxygen as
 *       comfort-only, {@code therapeutic} does not. A comfort component on the device Observation
 *       itself always holds.</li>
 *   <li><b>Blood pressure</b> charted as separate systolic, diastolic and mean Observations at the
 *       same instant becomes one reading (id of the first in id order), so the grading can estimate
 *       the MAP; readings whose components overlap are left as they are.</li>
 * </ul>
 *
 * The pairing window defaults to 12 h, the grading's oxygen carry-forward (grading package-info),
 * so a pairing never reaches further than the device itself would hold.
 */
public final class EpisodeFactsAssembler {

    private final Duration pairingWindow;

    public EpisodeFactsAssembler(Duration pairingWindow) {
        this.pairingWindow = Objects.requireNonNull(pairingWindow, "pairingWindow");
    }

    public static EpisodeFactsAssembler withDefaults() {
        return new EpisodeFactsAssembler(Duration.ofHours(12));
    }

    /**
     * The facts of the episode that starts at {@code infusion}. Every fact of the patient is
     * passed on: the grading itself treats facts before the infusion as baseline and ignores facts
     * after its {@code asOf}. Splitting a patient's facts between two infusions is the episode
     * store's job, not this one's.
     */
    public EpisodeFacts assemble(Instant infusion, PatientFacts patient) {
        List<OxygenSupport> devices = new ArrayList<>();
        List<BloodPressure> pressures = new ArrayList<>();
        EpisodeFacts.Builder builder = EpisodeFacts.builder(infusion)
                .birthDate(patient.birthDate())
                .addAll(patient.developmentallyUnableForIce());
        for (Fact fact : patient.facts()) {
            if (fact instanceof OxygenSupport o) {
                devices.add(o);
            } else if (fact instanceof BloodPressure b) {
                pressures.add(b);
            } else {
                builder.add(fact);
            }
        }
        List<OxygenFlow> flows = new ArrayList<>();
        List<OxygenIndication> indications = new ArrayList<>();
        for (ContextFact fact : patient.contextFacts()) {
            if (fact instanceof OxygenFlow f) {
                flows.add(f);
            } else if (fact instanceof OxygenIndication i) {
                indications.add(i);
            }
        }
        builder.addAll(applyIndications(pairFlows(devices, flows), indications));
        builder.addAll(mergePressures(pressures));
        return builder.build();
    }

    private List<OxygenSupport> pairFlows(List<OxygenSupport> devices, List<OxygenFlow> flows) {
        List<OxygenSupport> sorted = new ArrayList<>(devices);
        sorted.sort(Fact.CANONICAL_ORDER);
        Map<String, OxygenSupport> byId = new LinkedHashMap<>();
        sorted.forEach(d -> byId.put(d.id(), d));
        List<OxygenFlow> sortedFlows = new ArrayList<>(flows);
        sortedFlows.sort(Comparator.comparing(OxygenFlow::time).thenComparing(OxygenFlow::id)
                .thenComparing(OxygenFlow::litresPerMinute));
        List<OxygenSupport> derived = new ArrayList<>();
        for (OxygenFlow flow : sortedFlows) {
            OxygenSupport sameTime = sorted.stream().filter(d -> d.time().equals(flow.time())).findFirst().orElse(null);
            if (sameTime != null) {
                OxygenSupport current = byId.get(sameTime.id());
                if (current.litresPerMinute() == null) {
                    byId.put(current.id(), new OxygenSupport(current.id(), current.time(), current.device(),
                            flow.litresPerMinute(), current.forComfortOnly()));
                }
                continue;
            }
            OxygenSupport before = null;
            for (OxygenSupport d : sorted) {
                if (d.time().isBefore(flow.time()) && !d.time().plus(pairingWindow).isBefore(flow.time())) {
                    before = d;
                }
            }
            if (before != null) {
                derived.add(new OxygenSupport(flow.id(), flow.time(), before.device(), flow.litresPerMinute(),
                        before.forComfortOnly()));
            }
        }
        List<OxygenSupport> all = new ArrayList<>(byId.values());
        all.addAll(derived);
        return all;
    }

    private List<OxygenSupport> applyIndications(List<OxygenSupport> oxygen, List<OxygenIndication> indications) {
        if (indications.isEmpty()) {
            return oxygen;
        }
        TreeMap<Instant, OxygenIndication> latest = new TreeMap<>();
        for (OxygenIndication indication : indications) {
            // Two indications at one instant: comfort only if every one says so (the safer reading grades).
            latest.merge(indication.time(), indication, (a, b) -> a.comfortOnly() ? b : a);
        }
        List<OxygenSupport> out = new ArrayList<>();
        for (OxygenSupport o : oxygen) {
            Map.Entry<Instant, OxygenIndication> entry = latest.floorEntry(o.time());
            boolean comfort = o.forComfortOnly();
            if (entry != null && !entry.getKey().plus(pairingWindow).isBefore(o.time())) {
                comfort = comfort || entry.getValue().comfortOnly();
            }
            out.add(comfort == o.forComfortOnly()
                    ? o
                    : new OxygenSupport(o.id(), o.time(), o.device(), o.litresPerMinute(), comfort));
        }
        return out;
    }

    private static List<BloodPressure> mergePressures(List<BloodPressure> pressures) {
        Map<Instant, List<BloodPressure>> byTime = new TreeMap<>();
        for (BloodPressure b : pressures) {
            byTime.computeIfAbsent(b.time(), t -> new ArrayList<>()).add(b);
        }
        List<BloodPressure> out = new ArrayList<>();
        for (List<BloodPressure> group : byTime.values()) {
            group.sort(Fact.CANONICAL_ORDER);
            out.addAll(group.size() == 1 ? group : mergeIfDisjoint(group));
        }
        return out;
    }

    private static List<BloodPressure> mergeIfDisjoint(List<BloodPressure> group) {
        Double systolic = null;
        Double diastolic = null;
        Double mean = null;
        for (BloodPressure b : group) {
            if ((b.systolic() != null && systolic != null) || (b.diastolic() != null && diastolic != null)
                    || (b.mean() != null && mean != null)) {
                return group;
            }
            systolic = b.systolic() != null ? b.systolic() : systolic;
            diastolic = b.diastolic() != null ? b.diastolic() : diastolic;
            mean = b.mean() != null ? b.mean() : mean;
        }
        return List.of(new BloodPressure(group.get(0).id(), group.get(0).time(), systolic, diastolic, mean));
    }
}
