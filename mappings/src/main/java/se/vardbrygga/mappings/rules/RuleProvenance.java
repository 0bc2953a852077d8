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
        Reference unit = cause.hasServiceProvider() ? cause.getServiceProvider().copy() : adapter();
        return of(ruleId, target, new Reference("Encounter/" + cause.getIdElement().getIdPart()), unit, now);
    }

    /** The adapter itself as the agent, when no unit caused the change. */
    static Reference adapter() {
        return new Reference().setDisplay("Vårdbrygga");
    }

    static Provenance of(String ruleId, Reference target, Reference cause, Reference agent, Date now) {
        Provenance provenance = new Provenance();
        provenance.addTarget(target);
        provenance.setRecorded(now);
        provenance.addReason(Codes.ruleConcept(ruleId, null));
        provenance.setActivity(new CodeableConcept(new Coding(Codes.V3_DATA_OPERATION, "UPDATE", "revise")));
        provenance.addAgent()
                .setType(new CodeableConcept(new Coding(Codes.PROVENANCE_AGENT_TYPE, "performer", "Performer")))
                .setWho(agent);
        provenance.addEntity().setRole(ProvenanceEntityRole.SOURCE).setWhat(cause);
        return provenance;
    }
}
