package se.vardbrygga.mappings.intake;

import java.util.Date;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Contract;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Signature;
import org.hl7.fhir.r4.model.StringType;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/**
 * service-purchase-agreement: the agreement between the purchasing unit and the executor (R-TK-3): region, parties
 * (their organisation numbers come from the directory), period, days and times, part of the day or whole days,
 * patient, tasks, invoice marks, and the signatures; executed once both parties have signed, offered until then
 * (R-CMP-5). Sent again with the same agreementId it updates the agreement, e.g. with the second signature.
 */
public final class ServicePurchaseAgreementMapping implements IntakeMapping<IntakeRecords.ServicePurchaseAgreement> {
    public static final String KIND = "service-purchase-agreement";
    private static final String SIGNATURE_TYPES = "urn:iso-astm:E1762-95:2013";
    private static final String SIGNER_TYPES = "http://terminology.hl7.org/CodeSystem/contractsignertypecodes";

    @Override
    public MappedIntake map(IntakeRecords.ServicePurchaseAgreement r, IntakeContext context) {
        TransactionBuilder tx = new TransactionBuilder(context);
        String patient = Patients.add(r.patient(), tx);
        Reference purchaser = tx.unit(r.sender().hsaId(), "sender.hsaId");
        Reference executor = tx.unit(r.executor().hsaId(), "executor.hsaId");
        Identifier id = new Identifier().setSystem(Codes.AGREEMENT_ID).setValue(r.agreementId());
        Contract contract = new Contract().setIssuedElement(new DateTimeType(Date.from(context.now())));
        contract.addIdentifier(id);
        contract.addSubject(new Reference(patient));
        contract.getApplies().setStartElement(new DateTimeType(r.period().start()));
        if (r.period().end() != null) {
            contract.getApplies().setEndElement(new DateTimeType(r.period().end()));
        }
        contract.addExtension(Codes.REGION_EXTENSION, new Coding(Canonical.REGION, r.region(), null));
        if (r.invoiceMarks() != null) {
            r.invoiceMarks().forEach(m -> contract.addExtension(Codes.INVOICE_MARK, new StringType(m)));
        }
        if (r.specialistTreatmentResponsibility() != null) {
            contract.addExtension(Codes.SPECIALIST_TREATMENT_RESPONSIBILITY, new BooleanType(r.specialistTreatmentResponsibility()));
        }
        Contract.TermComponent when = contract.addTerm()
                .setType(new CodeableConcept(Codes.servicePurchase("days-and-times")))
                .setSubType(new CodeableConcept(Codes.servicePurchase(r.partOfDay())));
        when.getOffer().setText(r.daysAndTimes());
        when.getOffer().addParty().addReference(purchaser.copy()).setRole(new CodeableConcept(Codes.servicePurchase("purchaser")));
        when.getOffer().addParty().addReference(executor.copy()).setRole(new CodeableConcept(Codes.servicePurchase("executor")));
        for (IntakeRecords.PurchasedTask t : r.tasks()) {
            Contract.TermComponent task = contract.addTerm()
                    .setType(new CodeableConcept(Codes.servicePurchase("purchased-task")))
                    .setSubType(new CodeableConcept(new Coding(Canonical.PURCHASED_TASK_KIND, t.kind(), null)));
            task.getOffer().setText(t.text());
        }
        int signed = 0;
        if (r.signatures() != null) {
            for (IntakeRecords.Signature s : r.signatures()) {
                boolean byPurchaser = "purchaser".equals(s.party());
                Reference unit = byPurchaser ? purchaser : executor;
                String who = Roles.at(s.signedBy().hsaId(), s.signedBy().name(), null, unit,
                        new CodeableConcept().setText("Signing manager"), "signatures", tx);
                contract.addSigner()
                        .setType(new Coding(SIGNER_TYPES, byPurchaser ? "GRANTEE" : "GRANTOR", byPurchaser ? "Grantee" : "Grantor"))
                        .setParty(unit.copy())
                        .addSignature(new Signature().addType(new Coding(SIGNATURE_TYPES, "1.2.840.10065.1.12.1.1", "Author's Signature"))
                                .setWhenElement(new InstantType(s.signedAt())).setWho(new Reference(who)));
                signed++;
            }
        }
        contract.setStatus(signed >= 2 ? Contract.ContractStatus.EXECUTED : Contract.ContractStatus.OFFERED);
        tx.result(tx.createOrUpdate(contract, TransactionBuilder.identifierCriteria(id))).trace()
                .path(tx.index(), "Contract.term", "tasks")
                .path(tx.index(), "Contract.applies", "period")
                .path(tx.index(), "Contract.signer", "signatures")
                .key("R-DEL-3", "tasks")
                .key("R-CMP-5", "signatures")
                .key("R-TK-3", "executor");
        return tx.finish(KIND, purchaser);
    }
}
