package se.vardbrygga.mappings.rules;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import se.vardbrygga.profiles.Canonical;

/**
 * Home-visit orders to municipal home health care (R-HC-1, R-HV-2, R-HV-3, R-HV-4), decided when the
 * order is created. The four-week span (R-HV-1) is the profile's invariant vb-hv-period.
 */
final class HomeVisitRules {
    static final Set<String> PRIMARY_CARE = Set.of("health-centre", "region-primary-care");
    /** R-HV-3: what specialised care may order as home visits without primary-care follow-up. */
    static final Set<String> SPECIALIST_INTERVENTIONS = Set.of("eye-drops", "ear-drops", "subcutaneous-injection",
            "intramuscular-injection", "wound-dressing", "suture-removal", "sampling");
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private HomeVisitRules() {
    }

    static void check(ServiceRequest order, Optional<Resource> before, Facts facts, List<RuleViolation> out) {
        if (before.isPresent()) {
            return; // the order was decided when created; its status moves on
        }
        checkAge(order, facts, out);
        Optional<Organization> orderingUnit = Units.organizationOf(order.getRequester(), facts);
        if (orderingUnit.isEmpty() || !Units.hasType(orderingUnit.get(), Units.REGION)) {
            // R-HV-2: home visits are ordered by the region (primary care, 1177) or, limited, specialised care
            out.add(new RuleViolation("R-HV-2", "ServiceRequest.requester",
                    "A home visit is ordered by a physician of the region: primary care or 1177 (R-HV-2), or specialised "
                            + "care for the interventions of R-HV-3; the requester's unit is not a region unit"));
        } else if (!Units.hasType(orderingUnit.get(), PRIMARY_CARE)) {
            checkSpecialistOrder(order, facts, out);
        }
        checkConsent(order, facts, out);
    }

    /** R-HC-1: municipal home health care is for adults; the region's primary care keeps children up to 18. */
    private static void checkAge(ServiceRequest order, Facts facts, List<RuleViolation> out) {
        LocalDate start = order.hasOccurrencePeriod() && order.getOccurrencePeriod().hasStart()
                ? order.getOccurrencePeriod().getStart().toInstant().atZone(SWEDEN).toLocalDate()
                : LocalDate.ofInstant(facts.now(), SWEDEN);
        boolean child = facts.resolve(order.getSubject()).filter(Patient.class::isInstance)
                .flatMap(p -> BirthDates.ageOn((Patient) p, start)).map(age -> age < 18).orElse(false);
        if (child) {
            out.add(new RuleViolation("R-HC-1", "ServiceRequest.subject",
                    "The patient is under 18: the region's primary care keeps children, municipal home health care is for "
                            + "adults (R-HC-1). Responsible: " + responsibleForChild(order, facts)));
        }
    }

    private static String responsibleForChild(ServiceRequest order, Facts facts) {
        return Units.organizationOf(order.getRequester(), facts)
                .filter(unit -> Units.hasType(unit, PRIMARY_CARE))
                .map(unit -> "the ordering health centre, " + unit.getName() + " (Organization/" + unit.getIdElement().getIdPart() + ")")
                .orElse("the child's health centre in the region's primary care");
    }

    /** R-HV-3: from specialised care only the listed interventions, with the ordering physician's contact. */
    private static void checkSpecialistOrder(ServiceRequest order, Facts facts, List<RuleViolation> out) {
        Optional<String> intervention = order.getCode().getCoding().stream()
                .filter(c -> Canonical.HOME_VISIT_INTERVENTION.equals(c.getSystem()))
                .map(Coding::getCode).findFirst();
        if (intervention.filter(SPECIALIST_INTERVENTIONS::contains).isEmpty()) {
            out.add(new RuleViolation("R-HV-3", "ServiceRequest.code",
                    "Specialised care may order home visits only for eye drops, ear drops, subcutaneous or intramuscular "
                            + "injection, wound dressing, suture removal or sampling (code from " + Canonical.HOME_VISIT_INTERVENTION
                            + "); other interventions are ordered by primary care (R-HV-3, R-HV-2)"));
        }
        boolean reachable = facts.resolve(order.getRequester()).filter(PractitionerRole.class::isInstance)
                .map(role -> ((PractitionerRole) role).getTelecom().stream()
                        .anyMatch(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE && t.hasValue()))
                .orElse(false);
        if (!reachable) {
            out.add(new RuleViolation("R-HV-3", "ServiceRequest.requester",
                    "The order must give the ordering physician's contact details: a PractitionerRole with a phone number (R-HV-3)"));
        }
    }

    /** R-HV-4 (R-CON-1): the patient's consent to share information with the home-care unit is documented. */
    private static void checkConsent(ServiceRequest order, Facts facts, List<RuleViolation> out) {
        String patient = order.getSubject().getReference();
        for (Reference performer : order.getPerformer()) {
            boolean consented = patient != null && performer.getReference() != null
                    && facts.search("Consent", "patient=" + patient + "&status=active&actor=" + performer.getReference())
                            .stream().map(Consent.class::cast)
                            .anyMatch(c -> c.getProvision().getType() == Consent.ConsentProvisionType.PERMIT);
            if (!consented) {
                out.add(new RuleViolation("R-HV-4", "ServiceRequest.performer",
                        "No active consent of the patient to information sharing with the home-care unit: it must be "
                                + "documented before the order is sent (R-HV-4, R-CON-1)"));
                return;
            }
        }
    }
}
