package se.vardbrygga.mappings.intake;

import java.util.Date;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/**
 * service-purchase: a ward's written request to buy the executor's staff for a patient (R-TK-1, R-TK-3): the
 * region whose agreement governs it, the period, days and times, part of the day or whole days, the tasks the
 * staff take on, and the deadline. The executor accepts or declines the Task. What a region's agreement leaves
 * out (R-DEL-3) and a stay the assistance covers (R-CMP-7) are decided by the rules on write.
 */
public final class ServicePurchaseMapping implements IntakeMapping<IntakeRecords.ServicePurchase> {
    public static final String KIND = "service-purchase";

    @Override
    public MappedIntake map(IntakeRecords.ServicePurchase r, IntakeContext context) {
        TransactionBuilder tx = new TransactionBuilder(context);
        String patient = Patients.add(r.patient(), tx);
        Reference sender = tx.unit(r.sender().hsaId(), "sender.hsaId");
        Task request = new Task()
                .setStatus(Task.TaskStatus.REQUESTED)
                .setIntent(Task.TaskIntent.ORDER)
                .setCode(Codes.taskCode("service-purchase-request"))
                .setFor(new Reference(patient))
                .setRequester(sender.copy())
                .setOwner(tx.unit(r.executor().hsaId(), "executor.hsaId"))
                .setAuthoredOn(Date.from(context.now()))
                .setDescription(("whole-day".equals(r.partOfDay()) ? "Whole days" : "Part of the day") + ": " + r.daysAndTimes());
        request.getRestriction().getPeriod().setStartElement(new DateTimeType(r.period().start()))
                .setEndElement(new DateTimeType(r.deadline() != null ? r.deadline() : r.period().end()));
        request.addInput().setType(Codes.taskParameter("region"))
                .setValue(new CodeableConcept(new Coding(Canonical.REGION, r.region(), null)));
        if (r.signedBy() != null) { // R-TK-1: the written request is signed, or an exception signed afterwards
            String signer = Roles.at(r.signedBy().hsaId(), r.signedBy().name(), null, sender,
                    new CodeableConcept().setText("Signing manager"), "signedBy", tx);
            request.addInput().setType(Codes.taskParameter("signed-by")).setValue(new Reference(signer));
        }
        if (Boolean.TRUE.equals(r.signAfterwards())) {
            request.addInput().setType(Codes.taskParameter("sign-afterwards")).setValue(new BooleanType(true));
        }
        for (IntakeRecords.PurchasedTask t : r.tasks()) {
            request.addInput().setType(Codes.taskParameter("purchased-task"))
                    .setValue(new CodeableConcept(new Coding(Canonical.PURCHASED_TASK_KIND, t.kind(), null)).setText(t.text()));
        }
        tx.result(tx.create(request)).trace()
                .key("R-TK-1", "signedBy")
                .path(tx.index(), "Task.input", "tasks")
                .path(tx.index(), "Task.restriction", "period")
                .key("R-DEL-3", "tasks")
                .key("R-CMP-7", "patient");
        return tx.finish(KIND, sender);
    }
}
