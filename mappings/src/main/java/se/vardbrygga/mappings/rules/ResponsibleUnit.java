package se.vardbrygga.mappings.rules;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/**
 * Who is responsible for a patient's health care, and why, as the agreements say (R-HC-1, R-HC-3, R-HC-4,
 * R-GV-4, R-ESC-1), in this order: a child stays with the region's primary care; while a disagreement is
 * open the unit that noticed first; a SIP says who does what; an enrolment in home health care makes it the
 * municipal unit; otherwise the health centre, which the patient visits first (threshold principle).
 */
public final class ResponsibleUnit {
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    /** The answer: the principal ({@code region} or {@code municipality}), the units, the rules and why. */
    public record Answer(String principal, List<Reference> units, List<String> rules, String reason) {
    }

    private ResponsibleUnit() {
    }

    public static Answer of(Patient patient, Facts facts) {
        String ref = "Patient/" + patient.getIdElement().getIdPart();
        List<Reference> healthCentre = patient.getGeneralPractitioner().stream()
                .filter(r -> r.getReference() != null && r.getReference().startsWith("Organization/")).toList();
        LocalDate today = LocalDate.ofInstant(facts.now(), SWEDEN);
        if (BirthDates.ageOn(patient, today).map(age -> age < 18).orElse(false)) {
            return new Answer("region", healthCentre, List.of("R-HC-1", "R-GV-4"), "The patient is under 18: the region's "
                    + "primary care keeps home health care for children; the municipality may have SoL/LSS responsibility, not HSL.");
        }
        Optional<Task> disagreement = tasks(ref, "escalation", "in-progress", facts).stream().findFirst();
        if (disagreement.isPresent()) {
            List<Reference> meanwhile = disagreement.get().getInput().stream()
                    .filter(i -> Codes.hasCoding(i.getType(), Canonical.TASK_PARAMETER_TYPE, "responsible-until-agreed"))
                    .map(i -> i.getValue()).filter(Reference.class::isInstance).map(Reference.class::cast).toList();
            return new Answer(principalOf(meanwhile, facts), meanwhile, List.of("R-ESC-1", "R-HC-4"), "A disagreement on "
                    + "responsibility is open (Task/" + disagreement.get().getIdElement().getIdPart() + "): until it is settled "
                    + "the unit that noticed the need first stays responsible.");
        }
        Optional<CarePlan> sip = facts.search("CarePlan", "patient=" + ref + "&category=" + Canonical.CAREPLAN_CATEGORY
                + "|sip&status=active").stream().map(CarePlan.class::cast).findFirst();
        if (sip.isPresent()) {
            List<Reference> units = sip.get().getActivity().stream()
                    .flatMap(a -> a.getDetail().getPerformer().stream()).map(Reference::copy).toList();
            return new Answer("region and municipality", units, List.of("R-HC-4"), "The SIP (CarePlan/"
                    + sip.get().getIdElement().getIdPart() + ") states who does what: each unit for its activities.");
        }
        Optional<Task> enrolment = tasks(ref, "home-care-assignment", "accepted,in-progress", facts).stream().findFirst();
        if (enrolment.isPresent()) {
            return new Answer("municipality", List.of(enrolment.get().getOwner().copy()), List.of("R-HC-1", "R-HC-2"),
                    "The patient is enrolled in municipal home health care (Task/" + enrolment.get().getIdElement().getIdPart()
                            + ") for the needs it lists; the municipality is responsible around the clock.");
        }
        return new Answer("region", healthCentre, List.of("R-HC-3"), "Threshold principle: the patient first visits the "
                + "health centre; municipal home health care takes over only after enrolment by the primary-care physician.");
    }

    private static List<Task> tasks(String patient, String code, String statuses, Facts facts) {
        return facts.search("Task", "patient=" + patient + "&code=" + Canonical.TASK_CODE + "|" + code + "&status=" + statuses)
                .stream().map(Task.class::cast).toList();
    }

    private static String principalOf(List<Reference> units, Facts facts) {
        return units.stream().findFirst().flatMap(u -> Units.organizationOf(u, facts))
                .map(org -> Units.hasType(org, Units.MUNICIPAL) ? "municipality" : "region").orElse("region");
    }
}
