package se.vardbrygga.mappings.intake;

import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import se.vardbrygga.mappings.Codes;

/**
 * reported-hours: the executor reports the hours its staff worked under an agreement, one ChargeItem per interval
 * (idempotent by executor, agreement and the executor's reportId). The server takes the patient and the purchasing unit from the agreement
 * and prices each interval by the region's rule set (R-TK-4); hours outside the agreement's period, overlapping
 * hours and a year without a rate are refused (422), and hours of an unsigned agreement are not billable (R-CMP-5).
 */
public final class ReportedHoursMapping implements IntakeMapping<IntakeRecords.ReportedHoursRecord> {
    public static final String KIND = "reported-hours";

    @Override
    public MappedIntake map(IntakeRecords.ReportedHoursRecord r, IntakeContext context) {
        TransactionBuilder tx = new TransactionBuilder(context);
        Reference executor = tx.unit(r.sender().hsaId(), "sender.hsaId");
        String agreement = "Contract?" + TransactionBuilder.identifierCriteria(
                new Identifier().setSystem(Codes.AGREEMENT_ID).setValue(r.agreementId()));
        tx.trace().unit(agreement, "agreementId");
        for (int i = 0; i < r.hours().size(); i++) {
            IntakeRecords.WorkedInterval worked = r.hours().get(i);
            Identifier id = new Identifier().setSystem(Codes.REPORTED_HOURS_ID).setValue(r.sender().hsaId() + "/" + r.agreementId() + "/" + worked.reportId());
            ChargeItem item = new ChargeItem()
                    .setStatus(ChargeItem.ChargeItemStatus.BILLABLE)
                    .setCode(new CodeableConcept(Codes.servicePurchase("reported-hours")))
                    .setOccurrence(new Period().setStartElement(new DateTimeType(worked.start())).setEndElement(new DateTimeType(worked.end())))
                    .setPerformingOrganization(executor.copy())
                    .setEnteredDateElement(new DateTimeType(java.util.Date.from(context.now())));
            item.addIdentifier(id);
            item.addSupportingInformation(new Reference(agreement));
            tx.result(tx.createIfNoneExist(item, TransactionBuilder.identifierCriteria(id))).trace()
                    .path(tx.index(), "ChargeItem.occurrencePeriod", "hours[" + i + "]")
                    .path(tx.index(), "ChargeItem.occurrence", "hours[" + i + "]")
                    .path(tx.index(), "ChargeItem.supportingInformation", "agreementId");
        }
        return tx.finish(KIND, executor);
    }
}
