package se.vardbrygga.mappings.intake;

import java.util.Date;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/**
 * companion-need: the need becomes a companion-need CarePlan for the visit context and a
 * companion-request Task owned by the executor who decides (R-CMP-1, R-CMP-5, R-CMP-7); support-only
 * becomes a support notice to the clinic (R-CMP-3); emergency information to the emergency department
 * is one-way (R-CMP-4, R-COM-2).
 */
public final class CompanionNeedMapping implements IntakeMapping<IntakeRecords.CompanionNeed> {
    public static final String KIND = "companion-need";
    private static final Set<String> PLANNED = Set.of("planned-outpatient", "dental");

    @Override
    public MappedIntake map(IntakeRecords.CompanionNeed r, IntakeContext context) {
        String visitContext = r.visitContext();
        // R-CMP-2: without municipal (or other executor) support the patient organises a planned visit
        if (PLANNED.contains(visitContext) && Boolean.FALSE.equals(r.patient().hasExecutorSupport())) {
            throw IntakeRejected.of("patient.hasExecutorSupport", "A patient without municipal or other executor support "
                    + "organises a planned outpatient or dental visit with next of kin: no companion request (R-CMP-2)", "R-CMP-2");
        }
        TransactionBuilder tx = new TransactionBuilder(context);
        String patient = Patients.add(r.patient(), tx);
        Reference sender = tx.unit(r.sender().hsaId(), "sender.hsaId");

        CarePlan need = new CarePlan()
                .setStatus(CarePlan.CarePlanStatus.ACTIVE)
                .setIntent(CarePlan.CarePlanIntent.PLAN)
                .setSubject(new Reference(patient))
                .setAuthor(sender.copy())
                .setDescription(r.need());
        need.addCategory(new CodeableConcept(new Coding(Canonical.CAREPLAN_CATEGORY, "companion-need", null)));
        need.addExtension(Codes.VISIT_CONTEXT_EXTENSION, new Coding(Canonical.VISIT_CONTEXT, visitContext, null));
        if (r.visit() != null && r.visit().start() != null) {
            need.getPeriod().setStartElement(new DateTimeType(r.visit().start()));
        }
        String plan = tx.create(need);
        tx.result(plan).trace()
                .path(tx.index(), "CarePlan", "visitContext")
                .path(tx.index(), "CarePlan.description", "need")
                .path(tx.index(), "CarePlan.period", "visit.start");

        if (!"support-only".equals(visitContext)) {
            Task request = new Task()
                    .setStatus(Task.TaskStatus.REQUESTED)
                    .setIntent(Task.TaskIntent.ORDER)
                    .setCode(Codes.taskCode("companion-request"))
                    .setFocus(new Reference(plan))
                    .setFor(new Reference(patient))
                    .setRequester(sender.copy())
                    .setOwner(tx.unit(r.executor().hsaId(), "executor.hsaId"))
                    .setAuthoredOn(Date.from(context.now()))
                    .setDescription(r.need());
            tx.result(tx.create(request)).trace()
                    .path(tx.index(), "Task", "executor")
                    .path(tx.index(), "Task.owner", "executor.hsaId")
                    .path(tx.index(), "Task.focus", "visitContext")
                    .key("R-CMP-1", "executor.hsaId")
                    .key("R-CMP-7", "visitContext");
        }
        if ("support-only".equals(visitContext) || "emergency".equals(visitContext)) {
            // R-CMP-3: the clinic is told what help the patient needs; R-COM-2: the ED cannot reply
            Communication notice = new Communication()
                    .setStatus(Communication.CommunicationStatus.COMPLETED)
                    .setSubject(new Reference(patient))
                    .setSender(sender.copy())
                    .setSent(Date.from(context.now()));
            notice.addCategory(new CodeableConcept(new Coding(Canonical.COMMUNICATION_CATEGORY, "support-notice", null)));
            notice.addBasedOn(new Reference(plan));
            notice.addRecipient(tx.unit(r.visit().unitHsaId(), "visit.unitHsaId"));
            notice.addPayload().setContent(new StringType(r.need()));
            if ("emergency".equals(visitContext)) {
                notice.addExtension(Codes.ONE_WAY, new BooleanType(true));
            }
            tx.result(tx.create(notice)).trace()
                    .path(tx.index(), "Communication", "need")
                    .path(tx.index(), "Communication.recipient", "visit.unitHsaId");
        }
        return tx.finish(KIND, sender);
    }
}
