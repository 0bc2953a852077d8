package se.vardbrygga.mappings.rules;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import se.vardbrygga.mappings.Codes;

/** One-way information (R-COM-2): the emergency department cannot reply through Cosmic Link. */
public final class CommunicationRules {
    private CommunicationRules() {
    }

    public static boolean isOneWay(Communication communication) {
        Extension ext = communication.getExtensionByUrl(Codes.ONE_WAY);
        return ext != null && ext.getValue() instanceof BooleanType b && b.booleanValue();
    }

    static void check(Communication communication, Optional<Resource> before, Facts facts, List<RuleViolation> out) {
        List<Reference> answered = communication.getInResponseTo();
        for (int i = 0; i < answered.size(); i++) {
            boolean oneWay = facts.resolve(answered.get(i)).filter(Communication.class::isInstance)
                    .map(c -> isOneWay((Communication) c)).orElse(false);
            if (oneWay) {
                out.add(new RuleViolation("R-COM-2", "Communication.inResponseTo[" + i + "]",
                        "The answered information was one-way: the emergency department cannot reply through it; "
                                + "further contact with home care is by phone (R-COM-2)"));
            }
        }
    }
}
