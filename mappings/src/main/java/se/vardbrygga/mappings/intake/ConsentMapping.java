package se.vardbrygga.mappings.intake;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Reference;

/**
 * consent: the patient's decision on information sharing, documented where it was given (R-CON-1, R-CON-2).
 * {@code permit}: sharing with the receiving units (and the sender) for treatment during the period; it releases
 * what was held for want of it. {@code decline-home-care}: the patient declines home health care from the
 * receiving units and stays with the health centre; it is documented, and nothing is transferred to them.
 */
public final class ConsentMapping implements IntakeMapping<IntakeRecords.ConsentDecision> {
    public static final String KIND = "consent";

    @Override
    public MappedIntake map(IntakeRecords.ConsentDecision r, IntakeContext context) {
        TransactionBuilder tx = new TransactionBuilder(context);
        String patient = Patients.add(r.patient(), tx);
        Reference sender = tx.unit(r.sender().hsaId(), "sender.hsaId");
        boolean permit = "permit".equals(r.decision());
        List<Reference> receivers = new ArrayList<>();
        for (int i = 0; i < r.receivingUnits().size(); i++) {
            receivers.add(tx.unit(r.receivingUnits().get(i).hsaId(), "receivingUnits[" + i + "].hsaId"));
        }
        if (permit) {
            receivers.add(sender);
        }
        Consent consent = Consents.sharing(patient,
                permit ? Consent.ConsentProvisionType.PERMIT : Consent.ConsentProvisionType.DENY, receivers,
                r.period().start(), r.period().end(), r.date());
        tx.result(tx.create(consent)).trace()
                .path(tx.index(), "Consent.provision.period", "period")
                .path(tx.index(), "Consent.provision.actor", "receivingUnits");
        return tx.finish(KIND, sender);
    }
}
