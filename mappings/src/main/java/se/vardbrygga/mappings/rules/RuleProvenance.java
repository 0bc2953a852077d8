package se.vardbrygga.mappings.rules;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Provenance.ProvenanceEntityRole;
import org.hl7.fhir.r4.model.Reference;
import se.vardbrygga.mappings.Codes;

/** The Provenance of a change a rule made by itself: which rule, on what, caused by which event. */
final class RuleProvenance {
    private RuleProvenance() {
    }

    static Provenance of(String ruleId, Reference target, Encounter cause, Date now) {
        Provenance provenance = new Provenance();
        provenance.addTarget(target);
        provenance.setRecorded(now);
        provenance.addReason(Codes.ruleConcept(ruleId, null));
        provenance.setActivity(new CodeableConcept(new Coding(Codes.V3_DATA_OPERATION, "UPDATE", "revise")));
        Reference unit = cause.hasServiceProvider() ? cause.getServiceProvider().copy() : new Reference().setDisplay("Vårdbrygga");
        provenance.addAgent()
                .setType(new CodeableConcept(new Coding(Codes.PROVENANCE_AGENT_TYPE, "performer", "Performer")))
                .setWho(unit);
        provenance.addEntity().setRole(ProvenanceEntityRole.SOURCE)
                .setWhat(new Reference("Encounter/" + cause.getIdElement().getIdPart()));
        return provenance;
    }
}
