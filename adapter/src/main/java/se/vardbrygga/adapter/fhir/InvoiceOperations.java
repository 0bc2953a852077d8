package se.vardbrygga.adapter.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.ChargeItem.ChargeItemStatus;
import org.hl7.fhir.r4.model.Contract;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import se.vardbrygga.adapter.store.ResourceStore;
import se.vardbrygga.adapter.store.StoreSession;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.mappings.purchase.Agreement;
import se.vardbrygga.mappings.purchase.InvoicePeriod;
import se.vardbrygga.mappings.purchase.Invoicing;
import se.vardbrygga.mappings.purchase.Pricing;
import se.vardbrygga.mappings.purchase.RegionRuleSet;
import se.vardbrygga.mappings.purchase.RegionRuleSets;
import se.vardbrygga.mappings.purchase.Specification;
import se.vardbrygga.mappings.rules.Change;
import se.vardbrygga.mappings.rules.RuleEffects;
import se.vardbrygga.mappings.rules.RuleViolationException;
import se.vardbrygga.profiles.Canonical;

/**
 * Invoicing of service purchases (R-TK-4, R-PA-4):
 * {@code POST Invoice/$generate} makes the invoices of a region's period as its cadence says (or, with
 * {@code agreement}, of one ended agreement at discharge), {@code GET Invoice/{id}/$specification} gives the CSV
 * specification, and {@code POST Contract/{id}/$assistance-granted} makes the repayment when assistance compensation
 * is granted afterwards. The hours are locked and re-read before they are billed, so two runs at once bill each
 * hour once; invoices are made once per key (conditional create on the identifier).
 */
public final class InvoiceOperations {
    private static final int PAGE = 500;
    private static final Set<ChargeItemStatus> BILLABLE = Set.of(ChargeItemStatus.BILLABLE);

    private final FhirContext context;
    private final ResourceService service;
    private final ResourceStore store;
    private final RegionRuleSets regions;
    private final Clock clock;

    public InvoiceOperations(FhirContext context, ResourceService service, ResourceStore store, RegionRuleSets regions, Clock clock) {
        this.context = context;
        this.service = service;
        this.store = store;
        this.regions = regions;
        this.clock = clock;
    }

    @Operation(name = "$generate", type = Invoice.class)
    public Bundle generate(@ResourceParam Parameters in, RequestDetails request) {
        Access access = Access.of(request); // a unit invoices only hours and agreements it is a party of
        Optional<String> agreementRef = reference(in, "agreement");
        LocalDate today = LocalDate.now(clock.withZone(InvoicePeriod.SWEDEN));
        return store.inTransaction(session -> {
            if (agreementRef.isPresent()) {
                return atDischarge(session, agreementRef.get(), today, access);
            }
            String region = string(in, "region").orElseThrow(() -> Outcomes.invalid(
                    "Parameter 'region' (valueCode) or 'agreement' (valueReference) is required", "Parameters.parameter('region')"));
            RegionRuleSet rules = regions.of(region).orElseThrow(() -> refused("R-TK-4", "Parameters.parameter('region')",
                    "Unknown region '" + region + "': one of " + RegionRuleSets.REGIONS));
            LocalDate start = string(in, "periodStart").map(InvoiceOperations::date).orElseThrow(() -> Outcomes.invalid(
                    "Parameter 'periodStart' (valueDate) is required", "Parameters.parameter('periodStart')"));
            InvoicePeriod period;
            try {
                period = InvoicePeriod.of(rules, start, today);
            } catch (Pricing.Refused refused) {
                throw refused(refused.ruleId(), "Parameters.parameter('periodStart')", refused.getMessage());
            }
            List<ChargeItem> billable = lock(session, "status=billable&code=" + Canonical.SERVICE_PURCHASE + "|reported-hours", BILLABLE, access);
            return store(session, rules, period, billable, today, access);
        });
    }

    /** Västmanland: invoiced in connection with the discharge — the ended agreement's hours at once (R-TK-4). */
    private Bundle atDischarge(StoreSession session, String reference, LocalDate today, Access access) {
        Agreement agreement = new Agreement(contract(session, reference));
        service.requireReadable(session, access, "Contract", agreement.contract().getIdElement().getIdPart());
        RegionRuleSet rules = agreement.region().flatMap(regions::of).orElseThrow(() -> refused("R-TK-4",
                "Parameters.parameter('agreement')", "The agreement names no known region"));
        if (!"at-discharge-or-monthly-for-long-stays".equals(rules.invoicing().cadence()) || !agreement.ended()) {
            throw refused("R-TK-4", "Parameters.parameter('agreement')", rules.name() + " invoices " + rules.invoicing().cadence()
                    + "; an agreement is invoiced by itself only at discharge where the region says so, once it has ended");
        }
        LocalDate from = agreement.contract().getApplies().getStart().toInstant().atZone(InvoicePeriod.SWEDEN).toLocalDate();
        LocalDate to = agreement.contract().getApplies().getEnd().toInstant().atZone(InvoicePeriod.SWEDEN).toLocalDate();
        InvoicePeriod stay = new InvoicePeriod(from, to.plusDays(1), "discharge");
        return store(session, rules, stay, lock(session, "status=billable&agreement=" + agreement.reference(), BILLABLE, access), today, access);
    }

    private Bundle store(StoreSession session, RegionRuleSet rules, InvoicePeriod period, List<ChargeItem> billable, LocalDate today,
                         Access access) {
        Map<String, Agreement> agreements = new LinkedHashMap<>();
        List<ChargeItem> ofRegion = new ArrayList<>();
        for (ChargeItem item : billable) {
            String ref = item.getSupportingInformationFirstRep().getReference();
            Agreement agreement = agreements.computeIfAbsent(ref, r -> new Agreement(contract(session, r)));
            if (agreement.region().filter(rules.region()::equals).isPresent()) {
                ofRegion.add(item);
            }
        }
        Bundle out = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (Invoicing.Draft draft : Invoicing.draft(rules, period, ofRegion, agreements, today)) {
            Invoice invoice = create(session, draft);
            service.acceptWrite(session, access, invoice); // names the caller's unit (issuer or recipient); audited
            out.addEntry().setResource(invoice);
        }
        out.setTotal(out.getEntry().size());
        return out;
    }

    /** Stores the invoice under the first free key (a late report gets a second invoice) and bills its hours. */
    private Invoice create(StoreSession session, Invoicing.Draft draft) {
        for (int n = 1; ; n++) {
            Identifier id = Invoicing.identifier(n == 1 ? draft.key() : draft.key() + "-" + n);
            String criteria = "identifier=" + id.getSystem() + "|" + id.getValue();
            if (service.findConditionalMatch(session, "Invoice", criteria).isPresent()) {
                continue;
            }
            Invoice invoice = draft.invoice();
            invoice.addIdentifier(id);
            Invoice stored = (Invoice) service.create(session, invoice, criteria).resource();
            List<Change> billed = draft.items().stream().map(i -> setStatus(i.getIdElement().getIdPart(),
                    ChargeItemStatus.BILLABLE, ChargeItemStatus.BILLED, null)).toList();
            service.apply(session, new RuleEffects(List.of(), billed));
            return stored;
        }
    }

    /**
     * R-PA-4: assistance compensation granted afterwards for the stay: a repayment of the agreement's invoiced hours,
     * and its hours not yet invoiced are no longer billable. Made once per agreement.
     */
    @Operation(name = "$assistance-granted", type = Contract.class)
    public Bundle assistanceGranted(@IdParam IdType contractId) {
        LocalDate today = LocalDate.now(clock.withZone(InvoicePeriod.SWEDEN));
        return store.inTransaction(session -> {
            Agreement agreement = new Agreement((Contract) service.read(session, "Contract", contractId.getIdPart()));
            RegionRuleSet rules = agreement.region().flatMap(regions::of).orElseThrow(() -> refused("R-PA-4",
                    "Contract.extension('" + Codes.REGION_EXTENSION + "')", "The agreement names no known region"));
            if (rules.repaymentWhenAssistanceGranted() == null || !rules.repaymentWhenAssistanceGranted().value()) {
                throw refused("R-PA-4", "Contract.extension('" + Codes.REGION_EXTENSION + "')", rules.name() + "'s agreement ("
                        + rules.agreement() + ") has no repayment when assistance compensation is granted afterwards");
            }
            List<ChargeItem> items = lock(session, "agreement=" + agreement.reference() + "&status=billable,billed",
                    Set.of(ChargeItemStatus.BILLABLE, ChargeItemStatus.BILLED), Access.ALL); // the Contract's parties (404 for others)
            List<ChargeItem> invoiced = items.stream().filter(i -> i.getStatus() == ChargeItemStatus.BILLED).toList();
            service.apply(session, new RuleEffects(List.of(), items.stream()
                    .filter(i -> i.getStatus() == ChargeItemStatus.BILLABLE)
                    .map(i -> setStatus(i.getIdElement().getIdPart(), ChargeItemStatus.BILLABLE, ChargeItemStatus.NOTBILLABLE,
                            "Not billable: assistance compensation was granted afterwards for the stay (R-PA-4)"))
                    .toList()));
            Bundle out = new Bundle().setType(Bundle.BundleType.COLLECTION);
            if (!invoiced.isEmpty()) {
                Invoicing.Draft draft = Invoicing.repayment(rules, agreement, invoiced, today);
                Identifier id = Invoicing.identifier(draft.key());
                draft.invoice().addIdentifier(id);
                out.addEntry().setResource(service.create(session, draft.invoice(), "identifier=" + id.getSystem() + "|" + id.getValue()).resource());
            }
            return out.setTotal(out.getEntry().size());
        });
    }

    /** The invoice's specification for the finance department, CSV (R-TK-4). */
    @Operation(name = "$specification", type = Invoice.class, idempotent = true)
    public Binary specification(@IdParam IdType invoiceId) {
        return store.inTransaction(session -> {
            Invoice invoice = (Invoice) service.read(session, "Invoice", invoiceId.getIdPart());
            Map<String, ChargeItem> items = new LinkedHashMap<>();
            Map<String, String> labels = new LinkedHashMap<>();
            for (Invoice.InvoiceLineItemComponent line : invoice.getLineItem()) {
                String ref = line.getChargeItemReference().getReference();
                ChargeItem item = (ChargeItem) resolve(session, ref).orElse(null);
                if (item == null) {
                    continue;
                }
                items.put(ref, item);
                label(session, item.getSubject().getReference(), labels);
                label(session, item.getSupportingInformationFirstRep().getReference(), labels);
                label(session, item.getRequestingOrganization().getReference(), labels);
                label(session, item.getPerformingOrganization().getReference(), labels);
            }
            Binary csv = new Binary().setContentType("text/csv; charset=utf-8");
            csv.setData(Specification.csv(invoice, items, labels).getBytes(StandardCharsets.UTF_8));
            return csv;
        });
    }

    private void label(StoreSession session, String reference, Map<String, String> labels) {
        if (reference == null || labels.containsKey(reference)) {
            return;
        }
        resolve(session, reference).ifPresent(r -> {
            List<Identifier> ids = r instanceof Patient p ? p.getIdentifier()
                    : r instanceof Organization o ? o.getIdentifier()
                    : r instanceof Contract c ? c.getIdentifier() : List.of();
            ids.stream().filter(Identifier::hasValue)
                    .filter(i -> !(r instanceof Organization) || Canonical.HSA_ID.equals(i.getSystem()))
                    .findFirst().ifPresent(i -> labels.put(reference, i.getValue()));
        });
    }

    private Optional<Resource> resolve(StoreSession session, String reference) {
        int slash = reference.indexOf('/');
        return slash < 0 ? Optional.empty()
                : session.read(reference.substring(0, slash), reference.substring(slash + 1)).map(service::toResource);
    }

    /**
     * The ChargeItems matching {@code query} that {@code access} may read, each locked and re-read, in id order (so two
     * runs cannot deadlock), that are still in one of {@code statuses} once locked: another run may have billed them
     * meanwhile.
     */
    private List<ChargeItem> lock(StoreSession session, String query, Set<ChargeItemStatus> statuses, Access access) {
        List<String> ids = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<Resource> page = service.find(session, "ChargeItem", query, offset, PAGE, access);
            page.forEach(r -> ids.add(r.getIdElement().getIdPart()));
            if (page.size() < PAGE) {
                break;
            }
        }
        ids.sort(Comparator.naturalOrder());
        List<ChargeItem> locked = new ArrayList<>();
        for (String id : ids) {
            session.lockCurrentVersion("ChargeItem", id);
            ChargeItem current = (ChargeItem) service.read(session, "ChargeItem", id);
            if (statuses.contains(current.getStatus())) {
                locked.add(current);
            }
        }
        return locked;
    }

    private static Change setStatus(String id, ChargeItemStatus from, ChargeItemStatus to, String reason) {
        return new Change("ChargeItem", id, current -> {
            ChargeItem item = (ChargeItem) current;
            if (item.getStatus() != from) {
                return Optional.empty();
            }
            item.setStatus(to);
            if (reason != null) {
                item.setOverrideReason(reason + " " + item.getOverrideReason());
            }
            return Optional.of(new Change.Changed(item, List.of()));
        });
    }

    private Contract contract(StoreSession session, String reference) {
        return resolve(session, reference).filter(Contract.class::isInstance).map(Contract.class::cast)
                .orElseThrow(() -> refused("R-TK-3", "Parameters.parameter('agreement')", "No stored agreement " + reference));
    }

    private BaseServerResponseException refused(String rule, String expression, String message) {
        return RuleOutcomes.refused(context, RuleViolationException.of(rule, expression, message));
    }

    private static Optional<String> string(Parameters in, String name) {
        Parameters.ParametersParameterComponent p = in == null ? null : in.getParameter(name);
        return p != null && p.getValue() instanceof PrimitiveType<?> v && v.hasValue() ? Optional.of(v.getValueAsString()) : Optional.empty();
    }

    private static Optional<String> reference(Parameters in, String name) {
        Parameters.ParametersParameterComponent p = in == null ? null : in.getParameter(name);
        return p != null && p.getValue() instanceof Reference r && r.hasReference() ? Optional.of(r.getReference()) : Optional.empty();
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw Outcomes.invalid("Parameter 'periodStart' is a date (YYYY-MM-DD)", "Parameters.parameter('periodStart')");
        }
    }
}
