package se.vardbrygga.mappings.rules;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Contract;
import org.hl7.fhir.r4.model.Contract.ContractStatus;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.mappings.purchase.Agreement;
import se.vardbrygga.mappings.purchase.RegionRuleSet;
import se.vardbrygga.mappings.purchase.RegionRuleSets;
import se.vardbrygga.profiles.Canonical;

/**
 * Service-purchase agreements (Contract): a region whose rule set the adapter has (R-TK-4), two parties with
 * organisation numbers (R-TK-3), executed only when both have signed (R-CMP-5), the responsibility number where
 * the region requires it on invoices (R-TK-4), no HSL tasks in Västmanland (R-DEL-3); and the end of the agreement
 * at discharge where the region's agreement says so (R-TK-3, Västmanland), in the discharge's own transaction.
 */
final class AgreementRules {
    private static final Set<ContractStatus> RUNNING = Set.of(ContractStatus.OFFERED, ContractStatus.EXECUTED,
            ContractStatus.EXECUTABLE, ContractStatus.NEGOTIABLE);

    private final RegionRuleSets regions;

    AgreementRules(RegionRuleSets regions) {
        this.regions = regions;
    }

    void check(Contract contract, List<RuleViolation> out, Facts facts) {
        Agreement agreement = new Agreement(contract);
        Optional<RegionRuleSet> region = agreement.region().flatMap(regions::of);
        if (region.isEmpty()) {
            out.add(new RuleViolation("R-TK-4", "Contract.extension('" + Codes.REGION_EXTENSION + "')",
                    "The agreement names no region whose rule set the adapter has (one of " + RegionRuleSets.REGIONS + ") (R-TK-4)"));
            return;
        }
        RegionRuleSet rules = region.get();
        if (!rules.compensation().pays()) {
            out.add(new RuleViolation("R-TK-4", "Contract.extension('" + Codes.REGION_EXTENSION + "')",
                    rules.name() + ": " + rules.compensation().rateSource() + " (R-TK-4)"));
        }
        for (Optional<Reference> party : List.of(agreement.purchaser(), agreement.executor())) {
            party.filter(p -> !hasOrganisationNumber(p, facts)).ifPresent(p -> out.add(new RuleViolation("R-TK-3",
                    "Contract.term.offer.party.reference", "Each party of the agreement is an organisation with an "
                    + "organisation number (itself or the organisation it is part of); " + p.getReference() + " has none (R-TK-3)")));
        }
        if (contract.getStatus() == ContractStatus.EXECUTED && !agreement.signed()) {
            out.add(new RuleViolation("R-CMP-5", "Contract.signer", "An executed agreement carries the signatures of "
                    + "both parties, the purchaser and the executor; without a signed agreement no compensation is paid (R-CMP-5)"));
        }
        if (rules.invoicing().agreementMarkRequired() && agreement.invoiceMarks().isEmpty()) {
            out.add(new RuleViolation("R-TK-4", "Contract.extension('" + Codes.INVOICE_MARK + "')",
                    rules.name() + " requires a mark on every invoice: " + rules.invoicing().agreementMark() + " (R-TK-4)"));
        }
        if ("vastmanland".equals(rules.region())
                && agreement.taskKinds().stream().anyMatch(ServicePurchaseRules.HSL_TASKS::contains)) {
            out.add(new RuleViolation("R-DEL-3", "Contract.term.subType", "A Västmanland staff purchase does not include "
                    + "HSL tasks such as medication handling or wound care; the region keeps them (R-DEL-3)"));
        }
    }

    /** The first stored Contract among {@code references} (a notice's about, reported hours' supportingInformation). */
    static Optional<Contract> referenced(List<Reference> references, Facts facts) {
        return references.stream()
                .filter(r -> r.getReference() != null && r.getReference().startsWith("Contract/"))
                .findFirst().flatMap(facts::resolve).filter(Contract.class::isInstance).map(Contract.class::cast);
    }

    private static boolean hasOrganisationNumber(Reference party, Facts facts) {
        Optional<Organization> org = Units.organizationOf(party, facts);
        for (int depth = 0; org.isPresent() && depth < 5; depth++) {
            if (org.get().getIdentifier().stream().anyMatch(i -> Canonical.ORGANISATION_NUMBER.equals(i.getSystem()) && i.hasValue())) {
                return true;
            }
            org = org.get().hasPartOf() ? Units.organizationOf(org.get().getPartOf(), facts) : Optional.empty();
        }
        return false;
    }

    /** R-TK-3 (001): the agreement ends directly at discharge, where the region's agreement says so. */
    RuleEffects endAtDischarge(Encounter discharge, Facts facts) {
        String patient = discharge.getSubject().getReference();
        if (patient == null) {
            return RuleEffects.NONE;
        }
        List<Change> changes = new ArrayList<>();
        for (Resource r : facts.search("Contract", "patient=" + patient)) {
            Contract contract = (Contract) r;
            boolean endsAtDischarge = new Agreement(contract).region().flatMap(regions::of)
                    .map(rules -> rules.agreementEndsAtDischarge() != null && rules.agreementEndsAtDischarge().value())
                    .orElse(false);
            if (endsAtDischarge && RUNNING.contains(contract.getStatus())) {
                changes.add(end(contract.getIdElement().getIdPart(), discharge, facts));
            }
        }
        return new RuleEffects(List.of(), changes);
    }

    private static Change end(String id, Encounter discharge, Facts facts) {
        return new Change("Contract", id, current -> {
            Contract contract = (Contract) current;
            if (!RUNNING.contains(contract.getStatus())) {
                return Optional.empty(); // ended already
            }
            Date end = discharge.getPeriod().hasEnd() ? discharge.getPeriod().getEnd() : Date.from(facts.now());
            contract.setStatus(ContractStatus.TERMINATED);
            if (!contract.getApplies().hasEnd() || contract.getApplies().getEnd().after(end)) {
                contract.getApplies().setEnd(end);
            }
            return Optional.of(new Change.Changed(contract,
                    List.of(RuleProvenance.of("R-TK-3", new Reference("Contract/" + id), discharge, Date.from(facts.now())))));
        });
    }
}
