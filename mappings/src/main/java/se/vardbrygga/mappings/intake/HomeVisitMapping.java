package se.vardbrygga.mappings.intake;

import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/**
 * home-visit: the order becomes a home-visit ServiceRequest from the ordering physician to the municipal
 * unit, the unit's home-visit Task, and the patient's information-sharing Consent for the order's period.
 * R-HV-4's "documented in the journal and in NPÖ" can only be stated by the sender, so it is checked here;
 * who may order what, for whom, is decided by the rules on write (R-HC-1, R-HV-2, R-HV-3, R-HV-4).
 */
public final class HomeVisitMapping implements IntakeMapping<IntakeRecords.HomeVisit> {
    public static final String KIND = "home-visit";

    @Override
    public MappedIntake map(IntakeRecords.HomeVisit r, IntakeContext context) {
        TransactionBuilder tx = new TransactionBuilder(context);
        checkDocumented(r.order(), "");
        String patient = Patients.add(r.patient(), tx);
        Reference sender = tx.unit(r.sender().hsaId(), "sender.hsaId");
        Reference homeCare = tx.unit(r.homeCareUnit().hsaId(), "homeCareUnit.hsaId");
        addOrder(r.order(), patient, sender, homeCare, "", tx);
        return tx.finish(KIND, sender);
    }

    /** The order, the unit's Task and the Consent, with their fields traced under {@code prefix}; returns the order. */
    static Ordered addOrder(IntakeRecords.HomeVisitOrder r, String patient, Reference sender, Reference homeCare, String prefix,
                            TransactionBuilder tx) {
        String physician = physicianRole(r.orderingPhysician(), sender, prefix + "orderingPhysician", tx);

        Consent consent = Consents.sharing(patient, Consent.ConsentProvisionType.PERMIT, List.of(homeCare, sender),
                r.period().start(), r.period().end(), r.consent().date());
        tx.create(consent);
        tx.trace().path(tx.index(), "Consent", prefix + "consent");

        ServiceRequest order = new ServiceRequest()
                .setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
                .setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
                .setSubject(new Reference(patient))
                .setRequester(new Reference(physician))
                .setAuthoredOn(Date.from(tx.now()))
                .setCode(new CodeableConcept(new Coding(Canonical.HOME_VISIT_INTERVENTION, r.intervention(), null))
                        .setText(r.description()));
        order.addPerformer(homeCare.copy());
        order.getOccurrencePeriod().setStartElement(new DateTimeType(r.period().start()))
                .setEndElement(new DateTimeType(r.period().end()));
        if (r.visitsPerWeek() != null) {
            order.addNote().setText(r.visitsPerWeek() + " visits per week");
        }
        String orderRef = tx.create(order);
        tx.result(orderRef).trace()
                .path(tx.index(), "ServiceRequest.occurrence", prefix + "period")
                .path(tx.index(), "ServiceRequest.code", prefix + "intervention")
                .path(tx.index(), "ServiceRequest.requester", prefix + "orderingPhysician.phone")
                .path(tx.index(), "ServiceRequest.subject", "patient")
                .path(tx.index(), "ServiceRequest.performer", prefix + "consent.documented")
                .key("vb-hv-period", prefix + "period.end")
                .key("R-HV-2", "sender.hsaId")
                .key("R-HC-1", "patient");

        Task visit = new Task()
                .setStatus(Task.TaskStatus.REQUESTED)
                .setIntent(Task.TaskIntent.ORDER)
                .setCode(Codes.taskCode("home-visit"))
                .setFocus(new Reference(orderRef))
                .setFor(new Reference(patient))
                .setRequester(new Reference(physician))
                .setOwner(homeCare.copy())
                .setAuthoredOn(Date.from(tx.now()))
                .setDescription(r.description());
        String taskRef = tx.create(visit);
        tx.result(taskRef).trace().path(tx.index(), "Task", prefix + "intervention");
        return new Ordered(orderRef, taskRef);
    }

    /** The placeholders of an order and of the unit's Task for it. */
    record Ordered(String order, String task) {
    }

    /** R-HV-4: consent and prescription are documented in the journal and available in NPÖ before the order. */
    static void checkDocumented(IntakeRecords.HomeVisitOrder r, String prefix) {
        if (!Boolean.TRUE.equals(r.consent().documented())) {
            throw IntakeRejected.of(prefix + "consent.documented", "The patient's consent to information sharing must be "
                    + "documented in the journal before a home visit is ordered (R-HV-4, R-CON-1)", "R-HV-4");
        }
        if (!Boolean.TRUE.equals(r.prescriptionInNpo())) {
            throw IntakeRejected.of(prefix + "prescriptionInNpo", "The prescription must be documented in the journal and "
                    + "available in NPÖ before a home visit is ordered (R-HV-4)", "R-HV-4");
        }
    }

    /** A physician's role at the sending unit, with the phone R-HV-3 asks for (created if unknown). */
    static String physicianRole(IntakeRecords.OrderingPhysician p, Reference unit, String field, TransactionBuilder tx) {
        return Roles.at(p.hsaId(), p.name(), p.phone(), unit,
                new CodeableConcept(new Coding(Canonical.LICENSED_PROFESSION, "physician", null)), field, tx);
    }
}
