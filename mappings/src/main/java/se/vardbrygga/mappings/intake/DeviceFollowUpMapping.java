package se.vardbrygga.mappings.intake;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Reference;
import se.vardbrygga.mappings.rules.DeviceFollowUp;
import se.vardbrygga.mappings.rules.RuleViolationException;

/**
 * device-follow-up: the prescriber's ratings of an assistive device (R-AD-1). The decision is recorded in a
 * device-follow-up Task (output follow-up-decision: close, prescriber-decides, recurring-follow-up), so the
 * answer names it; when the follow-up moves to another unit a follow-up-handover Task for it is part of it.
 */
public final class DeviceFollowUpMapping implements IntakeMapping<IntakeRecords.DeviceFollowUpRecord> {
    public static final String KIND = "device-follow-up";

    @Override
    public MappedIntake map(IntakeRecords.DeviceFollowUpRecord r, IntakeContext context) {
        TransactionBuilder tx = new TransactionBuilder(context);
        String patient = Patients.add(r.patient(), tx);
        Reference sender = tx.unit(r.sender().hsaId(), "sender.hsaId");
        String prescriber = Roles.at(r.prescriber().hsaId(), r.prescriber().name(), null, sender,
                new CodeableConcept().setText("Prescriber of assistive devices (R-AD-1)"), "prescriber", tx);
        Reference receiver = r.receivingUnit() == null ? null : tx.unit(r.receivingUnit().hsaId(), "receivingUnit.hsaId");
        DeviceFollowUp.Plan plan;
        try {
            plan = DeviceFollowUp.plan(new DeviceFollowUp.Assessment(patient, r.device(), r.a(), r.b(),
                    !Boolean.FALSE.equals(r.patientCanTakeResponsibility()), r.followUpNeeded(),
                    !Boolean.FALSE.equals(r.responsibilityStays()), Boolean.TRUE.equals(r.atDischarge()),
                    new Reference(prescriber), sender, receiver), context.now());
        } catch (RuleViolationException e) {
            throw IntakeRejected.of("receivingUnit", e.violations().get(0).message(), "R-AD-1");
        }
        String assessment = tx.create(plan.assessment());
        tx.result(assessment).trace().path(tx.index(), "Task", "device");
        plan.handover().ifPresent(handover -> {
            handover.addPartOf(new Reference(assessment));
            tx.result(tx.create(handover)).trace()
                    .path(tx.index(), "Task.owner", "receivingUnit.hsaId")
                    .key("R-AD-1", "receivingUnit.hsaId");
        });
        return tx.finish(KIND, sender);
    }
}
