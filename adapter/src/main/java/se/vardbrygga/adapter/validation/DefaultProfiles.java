package se.vardbrygga.adapter.validation;

import static se.vardbrygga.profiles.ProfilePackage.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.profiles.Canonical;

/**
 * The project's profile for a resource that does not claim one in {@code meta.profile}: by type, and
 * for Task, CarePlan and Communication by their code or category (ARCHITECTURE.md, "FHIR model").
 */
public final class DefaultProfiles {

    private static final Map<String, String> BY_TYPE = Map.of(
            "Patient", profile("vb-patient"),
            "Organization", profile("vb-organization"),
            "PractitionerRole", profile("vb-practitioner-role"),
            "Endpoint", profile("vb-endpoint"),
            "Encounter", profile("vb-encounter"),
            "ServiceRequest", profile("vb-home-visit-servicerequest"),
            "Consent", profile("vb-information-sharing-consent"),
            "Contract", profile("vb-service-purchase-contract"),
            "ChargeItem", profile("vb-reported-hours-chargeitem"),
            "Invoice", profile("vb-service-purchase-invoice"));

    private static final Map<String, String> TASK_BY_CODE = Map.ofEntries(
            Map.entry("companion-request", profile("vb-companion-request-task")),
            Map.entry("delegation", profile("vb-delegation-task")),
            Map.entry("home-visit", profile("vb-home-visit-task")),
            Map.entry("home-care-assignment", profile("vb-home-care-assignment-task")),
            Map.entry("sip-invitation", profile("vb-sip-invitation-task")),
            Map.entry("service-purchase-request", profile("vb-service-purchase-request-task")),
            Map.entry("delegation-review", profile("vb-rule-follow-up-task")),
            Map.entry("assistance-limit-reminder", profile("vb-rule-follow-up-task")),
            Map.entry("assistance-compensation-application", profile("vb-rule-follow-up-task")),
            Map.entry("escalation", profile("vb-escalation-task")),
            Map.entry("phone-call", profile("vb-rule-follow-up-task")));

    private static final Map<String, String> CAREPLAN_BY_CATEGORY = Map.of(
            "companion-need", profile("vb-companion-need-careplan"),
            "sip", profile("vb-sip-careplan"));

    private static final Map<String, String> COMMUNICATION_BY_CATEGORY = Map.of(
            "sbar-handover", profile("vb-sbar-communication"),
            "support-notice", profile("vb-support-notice-communication"));

    private DefaultProfiles() {
    }

    /** The default profile of this resource, or empty when only the base FHIR definition applies. */
    public static Optional<String> of(Resource resource) {
        if (resource instanceof Task task) {
            return byCode(List.of(task.getCode()), Canonical.TASK_CODE, TASK_BY_CODE);
        }
        if (resource instanceof CarePlan plan) {
            return byCode(plan.getCategory(), Canonical.CAREPLAN_CATEGORY, CAREPLAN_BY_CATEGORY);
        }
        if (resource instanceof Communication communication) {
            return byCode(communication.getCategory(), Canonical.COMMUNICATION_CATEGORY, COMMUNICATION_BY_CATEGORY);
        }
        return Optional.ofNullable(BY_TYPE.get(resource.fhirType()));
    }

    private static Optional<String> byCode(List<CodeableConcept> concepts, String system, Map<String, String> profiles) {
        return concepts.stream()
                .flatMap(cc -> cc.getCoding().stream())
                .filter(c -> system.equals(c.getSystem()) && profiles.containsKey(c.getCode()))
                .map(c -> profiles.get(c.getCode()))
                .findFirst();
    }
}
