package se.vardbrygga.mappings.purchase;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Contract;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/**
 * A service-purchase agreement as the rules and the invoicing read it from its Contract
 * (profile vb-service-purchase-contract): region, the two parties, patient, period, signatures, invoice marks.
 */
public record Agreement(Contract contract) {

    public String reference() {
        return "Contract/" + contract.getIdElement().getIdPart();
    }

    public Optional<String> region() {
        Extension e = contract.getExtensionByUrl(Codes.REGION_EXTENSION);
        return e != null && e.getValue() instanceof Coding c && Canonical.REGION.equals(c.getSystem())
                ? Optional.ofNullable(c.getCode()) : Optional.empty();
    }

    public Optional<Reference> purchaser() {
        return party("purchaser");
    }

    public Optional<Reference> executor() {
        return party("executor");
    }

    private Optional<Reference> party(String role) {
        return contract.getTerm().stream()
                .flatMap(t -> t.getOffer().getParty().stream())
                .filter(p -> Codes.hasCoding(p.getRole(), Canonical.SERVICE_PURCHASE, role))
                .flatMap(p -> p.getReference().stream())
                .findFirst();
    }

    public String patient() {
        return contract.getSubjectFirstRep().getReference();
    }

    /** Signed: executed, and every party has signed (R-CMP-5: no compensation without a signed agreement). */
    public boolean signed() {
        if (contract.getStatus() != Contract.ContractStatus.EXECUTED && contract.getStatus() != Contract.ContractStatus.TERMINATED) {
            return false;
        }
        List<String> signers = contract.getSigner().stream()
                .filter(s -> s.hasSignature())
                .map(s -> s.getParty().getReference()).toList();
        return purchaser().map(p -> signers.contains(p.getReference())).orElse(false)
                && executor().map(e -> signers.contains(e.getReference())).orElse(false);
    }

    public boolean ended() {
        return contract.getStatus() == Contract.ContractStatus.TERMINATED;
    }

    public List<String> invoiceMarks() {
        return contract.getExtensionsByUrl(Codes.INVOICE_MARK).stream()
                .map(Extension::getValue).filter(PrimitiveType.class::isInstance)
                .map(v -> ((PrimitiveType<?>) v).getValueAsString()).toList();
    }

    /** Gävleborg: the target group with specialist treatment responsibility (R-TK-4, R-GV-1). */
    public boolean specialistTreatmentResponsibility() {
        Extension e = contract.getExtensionByUrl(Codes.SPECIALIST_TREATMENT_RESPONSIBILITY);
        return e != null && e.getValue() instanceof BooleanType b && b.booleanValue();
    }

    /** The purchased-task-kind codes of the agreement's purchased-task terms. */
    public List<String> taskKinds() {
        return contract.getTerm().stream()
                .filter(t -> Codes.hasCoding(t.getType(), Canonical.SERVICE_PURCHASE, "purchased-task"))
                .flatMap(t -> t.getSubType().getCoding().stream())
                .filter(c -> Canonical.PURCHASED_TASK_KIND.equals(c.getSystem()))
                .map(Coding::getCode).toList();
    }
}
