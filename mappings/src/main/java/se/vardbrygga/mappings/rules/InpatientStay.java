package se.vardbrygga.mappings.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Resource;
import se.vardbrygga.mappings.Codes;

/** What makes an Encounter an inpatient stay that is going on, begins or ends. */
public final class InpatientStay {
    private static final Set<EncounterStatus> ONGOING = Set.of(EncounterStatus.ARRIVED, EncounterStatus.INPROGRESS,
            EncounterStatus.ONLEAVE);

    private InpatientStay() {
    }

    public static boolean isInpatient(Encounter encounter) {
        return encounter.hasClass_() && Codes.V3_ACT_CODE.equals(encounter.getClass_().getSystem())
                && "IMP".equals(encounter.getClass_().getCode());
    }

    public static boolean isOngoing(Encounter encounter) {
        return isInpatient(encounter) && ONGOING.contains(encounter.getStatus());
    }

    /** The write turns the encounter into an ongoing inpatient stay: an admission. */
    public static boolean begins(Encounter now, Optional<Resource> before) {
        return isOngoing(now) && before.map(b -> !isOngoing((Encounter) b)).orElse(true);
    }

    /** The write ends an ongoing inpatient stay: a discharge. */
    public static boolean ends(Encounter now, Optional<Resource> before) {
        return before.map(b -> isOngoing((Encounter) b)).orElse(false) && isInpatient(now)
                && now.getStatus() == EncounterStatus.FINISHED;
    }

    /** The patient's inpatient stays that are going on, as stored. */
    public static List<Encounter> ongoingFor(String patientReference, Facts facts) {
        return facts.search("Encounter", "patient=" + patientReference + "&class=" + Codes.V3_ACT_CODE + "|IMP"
                        + "&status=arrived,in-progress,onleave").stream()
                .map(Encounter.class::cast)
                .filter(InpatientStay::isOngoing)
                .toList();
    }
}
