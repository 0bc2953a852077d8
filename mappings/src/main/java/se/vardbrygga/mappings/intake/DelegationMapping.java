package se.vardbrygga.mappings.intake;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/**
 * delegation: a delegation Task that names the delegate (owner), the delegating licensed professional
 * (requester), the patient, the task and a validity period of at most one year (R-DEL-4). Whether the
 * region or the municipality may delegate right now (R-DEL-1, R-DEL-2) is decided by the rules on write.
 */
public final class DelegationMapping implements IntakeMapping<IntakeRecords.Delegation> {
    public static final String KIND = "delegation";

    @Override
    public MappedIntake map(IntakeRecords.Delegation r, IntakeContext context) {
        // R-DEL-4: the delegator must be formally competent: a licensed professional
        if (r.delegator().licensedProfession() == null) {
            throw IntakeRejected.of("delegator.licensedProfession",
                    "A delegation needs a licensed delegator: give the delegator's licensed profession (R-DEL-4)", "R-DEL-4");
        }
        TransactionBuilder tx = new TransactionBuilder(context);
        String patient = Patients.add(r.patient(), tx);
        Reference sender = tx.unit(r.sender().hsaId(), "sender.hsaId");

        Identifier delegatorId = hsa(r.delegator().hsaId());
        Practitioner delegatorPerson = new Practitioner().addName(new HumanName().setText(r.delegator().name()));
        delegatorPerson.addIdentifier(delegatorId.copy());
        String delegatorPractitioner = tx.createIfNoneExist(delegatorPerson, TransactionBuilder.identifierCriteria(delegatorId));
        tx.trace().path(tx.index(), "Practitioner", "delegator");
        PractitionerRole delegatorRole = new PractitionerRole()
                .setPractitioner(new Reference(delegatorPractitioner))
                .setOrganization(tx.unit(r.delegator().unitHsaId(), "delegator.unitHsaId"));
        delegatorRole.addIdentifier(delegatorId.copy());
        delegatorRole.addCode(new CodeableConcept(new Coding(Canonical.LICENSED_PROFESSION, r.delegator().licensedProfession(), null)));
        String delegator = tx.createIfNoneExist(delegatorRole, TransactionBuilder.identifierCriteria(delegatorId));
        tx.trace().path(tx.index(), "PractitionerRole", "delegator")
                .path(tx.index(), "PractitionerRole.code", "delegator.licensedProfession");

        Practitioner delegatePerson = new Practitioner().addName(new HumanName().setText(r.delegate().name()));
        PractitionerRole delegateRole = new PractitionerRole()
                .setOrganization(tx.unit(r.delegate().employerHsaId(), "delegate.employerHsaId"));
        delegateRole.addCode(new CodeableConcept().setText("Delegate: personal assistant or other staff of the employer"));
        String delegatePractitioner;
        if (r.delegate().hsaId() != null) {
            Identifier delegateId = hsa(r.delegate().hsaId());
            delegatePerson.addIdentifier(delegateId.copy());
            delegateRole.addIdentifier(delegateId.copy());
            delegatePractitioner = tx.createIfNoneExist(delegatePerson, TransactionBuilder.identifierCriteria(delegateId));
            delegateRole.setPractitioner(new Reference(delegatePractitioner));
            tx.createIfNoneExist(delegateRole, TransactionBuilder.identifierCriteria(delegateId));
        } else {
            delegatePractitioner = tx.create(delegatePerson);
            delegateRole.setPractitioner(new Reference(delegatePractitioner));
            tx.create(delegateRole);
        }
        String delegate = tx.bundleFullUrl(tx.index());
        tx.trace().path(tx.index(), "PractitionerRole", "delegate");

        Task delegation = new Task()
                .setStatus(Task.TaskStatus.ACCEPTED)
                .setIntent(Task.TaskIntent.ORDER)
                .setCode(Codes.taskCode("delegation"))
                .setFor(new Reference(patient))
                .setRequester(new Reference(delegator))
                .setOwner(new Reference(delegate))
                .setAuthoredOnElement(new DateTimeType(r.decisionDate()));
        delegation.getRestriction().getPeriod()
                .setStartElement(new DateTimeType(r.validity().start()))
                .setEndElement(new DateTimeType(r.validity().end()));
        delegation.addInput()
                .setType(Codes.taskParameter("delegated-task"))
                .setValue(new StringType(r.task()));
        tx.result(tx.create(delegation)).trace()
                .path(tx.index(), "Task.restriction", "validity")
                .path(tx.index(), "Task.requester", "delegator")
                .path(tx.index(), "Task.input", "task")
                .path(tx.index(), "Task.authoredOn", "decisionDate")
                .key("vb-del-max-year", "validity.end")
                .key("vb-del-period-end", "validity.end")
                .key("R-DEL-1", "delegator.unitHsaId")
                .key("R-DEL-4", "delegator.licensedProfession");
        return tx.finish(KIND, sender);
    }

    private static Identifier hsa(String value) {
        return new Identifier().setSystem(Canonical.HSA_ID).setValue(value);
    }
}
