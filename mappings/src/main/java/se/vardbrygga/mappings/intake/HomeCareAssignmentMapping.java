package se.vardbrygga.mappings.intake;

import java.util.Date;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/**
 * home-care-assignment: the health centre's "Uppdrag hemsjukvård" enrolling a patient in municipal home
 * health care (R-HC-2, R-INFO-2): a home-care-assignment Task from the named primary-care physician to the
 * municipal unit, with reason (description), background, status and ordered treatment (notes) and one input
 * per need the municipality meets. The sender's assignment id makes a re-sent document find the same Task.
 * Who may enrol is decided by the rules on write; the unit replies by accepting with the first visit date.
 */
public final class HomeCareAssignmentMapping implements IntakeMapping<IntakeRecords.HomeCareAssignment> {
    public static final String KIND = "home-care-assignment";
    /** Identifier system of assignments: value {@code <sender HSA-id>/<assignmentId>}. */
    public static final String ASSIGNMENT_ID = Canonical.BASE + "/sid/home-care-assignment";

    @Override
    public MappedIntake map(IntakeRecords.HomeCareAssignment r, IntakeContext context) {
        TransactionBuilder tx = new TransactionBuilder(context);
        String patient = Patients.add(r.patient(), tx);
        Reference sender = tx.unit(r.sender().hsaId(), "sender.hsaId");
        String physician = HomeVisitMapping.physicianRole(r.physician(), sender, "physician", tx);

        Identifier id = new Identifier().setSystem(ASSIGNMENT_ID).setValue(r.sender().hsaId() + "/" + r.assignmentId());
        Task assignment = new Task()
                .setStatus(Task.TaskStatus.REQUESTED)
                .setIntent(Task.TaskIntent.ORDER)
                .setCode(Codes.taskCode("home-care-assignment"))
                .setFor(new Reference(patient))
                .setRequester(new Reference(physician))
                .setOwner(tx.unit(r.homeCareUnit().hsaId(), "homeCareUnit.hsaId"))
                .setAuthoredOn(Date.from(context.now()))
                .setDescription(r.reason());
        assignment.addIdentifier(id);
        assignment.addNote().setText("Bakgrund: " + r.background());
        assignment.addNote().setText("Status: " + r.status());
        assignment.addNote().setText("Ordinerad behandling: " + r.orderedTreatment());
        for (String need : r.needs()) {
            assignment.addInput().setType(Codes.taskParameter("met-need")).setValue(new StringType(need));
        }
        tx.result(tx.createIfNoneExist(assignment, TransactionBuilder.identifierCriteria(id))).trace()
                .path(tx.index(), "Task", "assignmentId")
                .path(tx.index(), "Task.requester", "physician.hsaId")
                .path(tx.index(), "Task.input", "needs")
                .key("R-HC-2", "physician.hsaId");
        return tx.finish(KIND, sender);
    }
}
