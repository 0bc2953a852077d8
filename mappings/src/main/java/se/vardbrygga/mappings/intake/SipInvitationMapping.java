package se.vardbrygga.mappings.intake;

import java.util.Date;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/**
 * sip-invitation: the named care contact calls the units the patient needs to a SIP before discharge
 * (R-HC-4, R-INFO-1): a draft SIP CarePlan with one activity per invited unit and what it is expected to
 * take on, and one sip-invitation Task per invited unit with the deadline, the discharge-ready date and the
 * Kartläggning (reason, background, status, ordered treatment). The deadline is decided by the rules.
 */
public final class SipInvitationMapping implements IntakeMapping<IntakeRecords.SipInvitation> {
    public static final String KIND = "sip-invitation";

    @Override
    public MappedIntake map(IntakeRecords.SipInvitation r, IntakeContext context) {
        TransactionBuilder tx = new TransactionBuilder(context);
        String patient = Patients.add(r.patient(), tx);
        Reference sender = tx.unit(r.sender().hsaId(), "sender.hsaId");
        String careContact = Roles.at(r.careContact().hsaId(), r.careContact().name(), null, sender,
                new CodeableConcept().setText("Named care contact (SIP, R-INFO-1)"), "careContact", tx);

        CarePlan sip = new CarePlan()
                .setStatus(CarePlan.CarePlanStatus.DRAFT)
                .setIntent(CarePlan.CarePlanIntent.PLAN)
                .setSubject(new Reference(patient))
                .setAuthor(sender.copy())
                .setDescription(r.kartlaggning().reason());
        sip.addCategory(new CodeableConcept(new Coding(Canonical.CAREPLAN_CATEGORY, "sip", null)));
        Reference[] units = new Reference[r.invited().size()];
        for (int i = 0; i < units.length; i++) {
            units[i] = tx.unit(r.invited().get(i).hsaId(), "invited[" + i + "].hsaId");
            sip.addActivity().getDetail()
                    .setStatus(CarePlan.CarePlanActivityStatus.NOTSTARTED)
                    .setDescription(r.invited().get(i).responsibility())
                    .addPerformer(units[i].copy());
        }
        String plan = tx.create(sip);
        tx.result(plan).trace().path(tx.index(), "CarePlan", "invited");

        for (int i = 0; i < units.length; i++) {
            Task invitation = new Task()
                    .setStatus(Task.TaskStatus.REQUESTED)
                    .setIntent(Task.TaskIntent.ORDER)
                    .setCode(Codes.taskCode("sip-invitation"))
                    .setFocus(new Reference(plan))
                    .setFor(new Reference(patient))
                    .setRequester(new Reference(careContact))
                    .setOwner(units[i].copy())
                    .setAuthoredOn(Date.from(context.now()))
                    .setDescription(r.kartlaggning().reason());
            invitation.getRestriction().getPeriod().setEndElement(new DateTimeType(r.deadline()));
            invitation.addInput().setType(Codes.taskParameter("discharge-ready-date")).setValue(new DateType(r.dischargeReadyDate()));
            invitation.addNote().setText("Bakgrund: " + r.kartlaggning().background());
            invitation.addNote().setText("Status: " + r.kartlaggning().status());
            invitation.addNote().setText("Ordinerad behandling: " + r.kartlaggning().orderedTreatment());
            tx.result(tx.create(invitation)).trace()
                    .path(tx.index(), "Task.restriction", "deadline")
                    .path(tx.index(), "Task.input", "dischargeReadyDate")
                    .path(tx.index(), "Task.owner", "invited[" + i + "].hsaId");
        }
        return tx.finish(KIND, sender);
    }
}
