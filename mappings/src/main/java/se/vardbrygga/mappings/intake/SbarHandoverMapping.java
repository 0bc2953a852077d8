package se.vardbrygga.mappings.intake;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/**
 * sbar-handover: a handover in the four SBAR sections from one unit to another (R-INFO-3). With a
 * {@code homeVisit}, the handover states the single home visit it orders (R-INFO-3: "stating clearly the home
 * visit and the order"): the order, the unit's Task and the Consent are written with it, and the handover is
 * based on the order and about the Task, all in one transaction.
 */
public final class SbarHandoverMapping implements IntakeMapping<IntakeRecords.SbarHandover> {
    public static final String KIND = "sbar-handover";

    @Override
    public MappedIntake map(IntakeRecords.SbarHandover r, IntakeContext context) {
        if (r.homeVisit() != null) {
            HomeVisitMapping.checkDocumented(r.homeVisit(), "homeVisit.");
        }
        TransactionBuilder tx = new TransactionBuilder(context);
        String patient = Patients.add(r.patient(), tx);
        Reference sender = tx.unit(r.sender().hsaId(), "sender.hsaId");
        Reference recipient = tx.unit(r.recipient().hsaId(), "recipient.hsaId");
        HomeVisitMapping.Ordered ordered = r.homeVisit() == null ? null
                : HomeVisitMapping.addOrder(r.homeVisit(), patient, sender, recipient, "homeVisit.", tx);

        Communication handover = new Communication()
                .setStatus(Communication.CommunicationStatus.COMPLETED)
                .setSubject(new Reference(patient))
                .setSender(sender.copy())
                .setSent(Date.from(context.now()));
        handover.addCategory(new CodeableConcept(new Coding(Canonical.COMMUNICATION_CATEGORY, "sbar-handover", null)));
        handover.addRecipient(recipient.copy());
        section(handover, "S", r.situation());
        section(handover, "B", r.background());
        section(handover, "A", r.assessment());
        section(handover, "R", r.recommendation());
        if (ordered != null) {
            handover.addBasedOn(new Reference(ordered.order()));
            handover.addAbout(new Reference(ordered.task()));
        }
        tx.result(tx.create(handover)).trace()
                .path(tx.index(), "Communication.payload[0]", "situation")
                .path(tx.index(), "Communication.payload[1]", "background")
                .path(tx.index(), "Communication.payload[2]", "assessment")
                .path(tx.index(), "Communication.payload[3]", "recommendation")
                .path(tx.index(), "Communication.recipient", "recipient.hsaId");
        return tx.finish(KIND, sender);
    }

    private static void section(Communication handover, String code, String text) {
        handover.addPayload().setContent(new StringType(text))
                .addExtension(Codes.SBAR_SECTION_EXTENSION, new Coding(Canonical.SBAR_SECTION, code, null));
    }
}
