package se.vardbrygga.mappings.intake;

import java.util.Date;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/**
 * escalation: a disagreement on responsibility between the sender and the other principal's unit, at its
 * current level (R-ESC-1). Every document about one disagreement carries the same {@code escalationId} and
 * states it whole; it updates the one escalation Task, whose level the rules let climb one step at a time.
 * The unit that noticed first stays responsible meanwhile (R-HC-4).
 */
public final class EscalationMapping implements IntakeMapping<IntakeRecords.Escalation> {
    public static final String KIND = "escalation";
    /** Identifier system of escalations: value {@code <sender HSA-id>/<escalationId>}. */
    public static final String ESCALATION_ID = Canonical.BASE + "/sid/escalation";
    private static final String LEVEL_SYSTEM = Canonical.CODE_SYSTEM_BASE + "escalation-level";
    private static final Map<Integer, String> WHO = Map.of(
            1, "Level 1: the staff of both principals share responsibility and do a SIP",
            2, "Level 2: the unit managers of home health care and of the health centre (and the specialist clinic)",
            3, "Level 3: the unit managers with the municipality's MAS and the health centre's MLA");

    @Override
    public MappedIntake map(IntakeRecords.Escalation r, IntakeContext context) {
        TransactionBuilder tx = new TransactionBuilder(context);
        String patient = Patients.add(r.patient(), tx);
        Reference sender = tx.unit(r.sender().hsaId(), "sender.hsaId");
        Reference other = tx.unit(r.otherUnit().hsaId(), "otherUnit.hsaId");

        Identifier id = new Identifier().setSystem(ESCALATION_ID).setValue(r.sender().hsaId() + "/" + r.escalationId());
        Task escalation = new Task()
                .setStatus(Boolean.TRUE.equals(r.settled()) ? Task.TaskStatus.COMPLETED : Task.TaskStatus.INPROGRESS)
                .setIntent(Task.TaskIntent.ORDER)
                .setCode(Codes.taskCode("escalation"))
                .setFor(new Reference(patient))
                .setRequester(sender.copy())
                .setOwner(other.copy())
                .setAuthoredOn(Date.from(context.now()))
                .setDescription(r.disagreement())
                .setBusinessStatus(new CodeableConcept(new Coding(LEVEL_SYSTEM, "level-" + r.level(), null))
                        .setText(WHO.get(r.level())));
        escalation.addIdentifier(id);
        escalation.addInput()
                .setType(Codes.taskParameter("responsible-until-agreed"))
                .setValue(("otherUnit".equals(r.noticedFirst()) ? other : sender).copy());
        tx.result(tx.createOrUpdate(escalation, TransactionBuilder.identifierCriteria(id))).trace()
                .path(tx.index(), "Task.businessStatus", "level")
                .path(tx.index(), "Task.input", "noticedFirst")
                .key("R-ESC-1", "level");
        return tx.finish(KIND, sender);
    }
}
