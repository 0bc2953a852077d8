package se.vardbrygga.mappings.rules;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Encounter;
import se.vardbrygga.profiles.Canonical;

/**
 * R-GV-3 (Gävleborg): a patient with extensive care at home (respirator, tracheostomy, peritoneal dialysis —
 * the R-GV-1 target group, marked by an extensive-care reasonCode on the stay) is discharged only after the
 * SIP, the risk analysis and the checklist are recorded: an active SIP CarePlan and current DocumentReferences
 * of type risk-analysis and discharge-checklist for the patient.
 */
final class DischargeReadiness {
    private DischargeReadiness() {
    }

    static boolean inTargetGroup(Encounter stay) {
        return stay.getReasonCode().stream().flatMap(c -> c.getCoding().stream())
                .anyMatch(c -> Canonical.EXTENSIVE_CARE.equals(c.getSystem()));
    }

    static void check(Encounter discharge, Facts facts, List<RuleViolation> out) {
        String patient = discharge.getSubject().getReference();
        if (patient == null || !inTargetGroup(discharge)) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (facts.search("CarePlan", "patient=" + patient + "&category=" + Canonical.CAREPLAN_CATEGORY + "|sip&status=active").isEmpty()) {
            missing.add("an active SIP");
        }
        for (String kind : List.of("risk-analysis", "discharge-checklist")) {
            if (facts.search("DocumentReference", "patient=" + patient + "&type=" + Canonical.DOCUMENT_KIND + "|" + kind
                    + "&status=current").isEmpty()) {
                missing.add("a current DocumentReference of type " + kind);
            }
        }
        if (!missing.isEmpty()) {
            out.add(new RuleViolation("R-GV-3", "Encounter.status", "The patient has extensive care at home (R-GV-1): "
                    + "before discharge the SIP, the risk analysis and the checklist are recorded; missing: "
                    + String.join(", ", missing) + " (R-GV-3)"));
        }
    }
}
