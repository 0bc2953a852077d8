package se.vardbrygga.mappings.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.ChargeItem.ChargeItemStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Contract;
import org.hl7.fhir.r4.model.Contract.ContractStatus;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Signature;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.mappings.purchase.RegionRuleSets;
import se.vardbrygga.profiles.Canonical;

/** The agreement (Contract), reported hours (ChargeItem) and notices of a service purchase, by rule id. */
class ServicePurchaseAgreementTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private final DomainRules rules = new DomainRules(new RegionRuleSets());
    private final ListFacts facts = new ListFacts(NOW);

    @BeforeEach
    void directory() {
        Organization ward = Fixtures.unit("ward", "region-ward");
        ward.setPartOf(new Reference("Organization/region"));
        facts.add(ward);
        Organization region = Fixtures.unit("region", "region-primary-care");
        region.addIdentifier(new Identifier().setSystem(Canonical.ORGANISATION_NUMBER).setValue("2321000016"));
        facts.add(region);
        Organization assist = Fixtures.unit("assist", "assistance-provider");
        assist.addIdentifier(new Identifier().setSystem(Canonical.ORGANISATION_NUMBER).setValue("5590009915"));
        facts.add(assist);
        facts.add(Fixtures.unit("noorgnr", "assistance-provider"));
    }

    static Contract agreement(String id, String region, String executor, boolean signed) {
        Contract c = new Contract().setStatus(signed ? ContractStatus.EXECUTED : ContractStatus.OFFERED);
        c.setId(id);
        c.addSubject(new Reference(Fixtures.PATIENT));
        c.getApplies().setStartElement(new DateTimeType("2026-10-01T00:00:00+02:00"))
                .setEndElement(new DateTimeType("2026-10-31T23:59:00+01:00"));
        c.addExtension(Codes.REGION_EXTENSION, new Coding(Canonical.REGION, region, null));
        Contract.TermComponent term = c.addTerm().setType(new CodeableConcept(Codes.servicePurchase("days-and-times")));
        term.getOffer().setText("Alla dagar 08-20");
        term.getOffer().addParty().addReference(new Reference("Organization/ward")).setRole(new CodeableConcept(Codes.servicePurchase("purchaser")));
        term.getOffer().addParty().addReference(new Reference("Organization/" + executor)).setRole(new CodeableConcept(Codes.servicePurchase("executor")));
        if (signed) {
            for (String party : List.of("Organization/ward", "Organization/" + executor)) {
                c.addSigner().setType(new Coding("http://terminology.hl7.org/CodeSystem/contractsignertypecodes", "GRANTEE", null))
                        .setParty(new Reference(party))
                        .addSignature(new Signature().setWhen(Date.from(NOW)).setWho(new Reference(party)));
            }
        }
        return c;
    }

    private static ChargeItem hours(String id, String contract, String start, String end) {
        ChargeItem item = new ChargeItem().setStatus(ChargeItemStatus.BILLABLE)
                .setCode(new CodeableConcept(Codes.servicePurchase("reported-hours")))
                .setOccurrence(new Period().setStartElement(new DateTimeType(start)).setEndElement(new DateTimeType(end)))
                .setPerformingOrganization(new Reference("Organization/assist"));
        item.addSupportingInformation(new Reference("Contract/" + contract));
        item.setId(id);
        return item;
    }

    private List<String> refusals(Resource resource, Optional<Resource> before) {
        try {
            rules.onWrite(resource, before, facts);
            return List.of();
        } catch (RuleViolationException e) {
            return e.violations().stream().map(v -> v.ruleId() + " " + v.expression()).toList();
        }
    }

    private ChargeItem priced(ChargeItem item) {
        rules.amend(item, Optional.empty(), facts);
        return item;
    }

    @Test
    void agreementPartiesHaveOrganisationNumbers_R_TK_3() {
        assertThat(refusals(agreement("k1", "varmland", "assist", true), Optional.empty())).isEmpty(); // the ward's via partOf
        assertThat(refusals(agreement("k2", "varmland", "noorgnr", false), Optional.empty()))
                .containsExactly("R-TK-3 Contract.term.offer.party.reference");
    }

    @Test
    void executedAgreementCarriesBothSignatures_R_CMP_5() {
        Contract oneSignature = agreement("k1", "varmland", "assist", true);
        oneSignature.getSigner().remove(1);
        assertThat(refusals(oneSignature, Optional.empty())).containsExactly("R-CMP-5 Contract.signer");
    }

    @Test
    void unknownRegionAndVasterbottenAreRefused_R_TK_4() {
        assertThat(refusals(agreement("k1", "skane", "assist", true), Optional.empty())).hasSize(1).allMatch(v -> v.startsWith("R-TK-4"));
        assertThat(refusals(agreement("k1", "vasterbotten", "assist", true), Optional.empty())).hasSize(1).allMatch(v -> v.startsWith("R-TK-4"));
    }

    @Test
    void vastmanlandAgreementNamesTheResponsibilityNumberAndNoHslTask_R_TK_4_R_DEL_3() {
        Contract k = agreement("k1", "vastmanland", "assist", true);
        k.addTerm().setType(new CodeableConcept(Codes.servicePurchase("purchased-task")))
                .setSubType(new CodeableConcept(new Coding(Canonical.PURCHASED_TASK_KIND, "wound-care", null)));
        assertThat(refusals(k, Optional.empty())).anyMatch(v -> v.startsWith("R-TK-4 Contract.extension"))
                .anyMatch(v -> v.equals("R-DEL-3 Contract.term.subType"));
        Contract marked = agreement("k2", "vastmanland", "assist", true);
        marked.addExtension(Codes.INVOICE_MARK, new StringType("ansvarsnummer 4711"));
        assertThat(refusals(marked, Optional.empty())).isEmpty();
    }

    @Test
    void agreementEndsAtDischargeInVastmanlandOnly_R_TK_3() {
        Contract vastmanland = facts.add(agreement("k1", "vastmanland", "assist", true));
        vastmanland.getApplies().setEnd(null);
        facts.add(agreement("k2", "varmland", "assist", true));
        Encounter before = Fixtures.inpatient("e1", EncounterStatus.INPROGRESS, NOW.minusSeconds(86400 * 3));
        Encounter discharge = before.copy().setStatus(EncounterStatus.FINISHED);
        discharge.getPeriod().setEnd(Date.from(NOW));
        discharge.setId("e1");

        RuleEffects effects = rules.onWrite(discharge, Optional.of(before), facts);

        List<Change> ends = effects.changes().stream().filter(c -> c.type().equals("Contract")).toList();
        assertThat(ends).extracting(Change::id).containsExactly("k1");
        Change.Changed ended = ends.get(0).change().apply(vastmanland.copy()).orElseThrow();
        assertThat(((Contract) ended.updated()).getStatus()).isEqualTo(ContractStatus.TERMINATED);
        assertThat(((Contract) ended.updated()).getApplies().getEnd()).isEqualTo(Date.from(NOW));
        assertThat(ends.get(0).change().apply(ended.updated())).isEmpty(); // ended once
    }

    @Test
    void hoursArePricedByTheRegionWhenWritten_R_TK_4() {
        facts.add(agreement("k1", "jamtland-harjedalen", "assist", true)).getApplies()
                .setStartElement(new DateTimeType("2017-05-01T00:00:00+02:00")).setEndElement(new DateTimeType("2017-05-31T00:00:00+02:00"));
        ChargeItem item = priced(hours("c1", "k1", "2017-05-02T08:00:00+02:00", "2017-05-02T10:05:00+02:00"));

        assertThat(item.getPriceOverride().getValue()).isEqualByComparingTo("1530.00"); // 3 started hours × 510
        assertThat(item.getQuantity().getValue()).isEqualByComparingTo("3");
        assertThat(item.getQuantity().getCode()).isEqualTo("h");
        assertThat(item.getStatus()).isEqualTo(ChargeItemStatus.BILLABLE);
        assertThat(item.getSubject().getReference()).isEqualTo(Fixtures.PATIENT); // taken from the agreement
        assertThat(item.getRequestingOrganization().getReference()).isEqualTo("Organization/ward");
        assertThat(item.getOverrideReason()).contains("510.00").contains("R-TK-4");
        assertThat(refusals(item, Optional.empty())).isEmpty();
    }

    @Test
    void hoursOfAnUnsignedAgreementAreNotBillable_R_CMP_5() {
        facts.add(agreement("k1", "vastmanland", "assist", false)).getApplies()
                .setStartElement(new DateTimeType("2023-03-01T00:00:00+01:00")).setEndElement(new DateTimeType("2023-03-31T00:00:00+02:00"));
        ChargeItem item = priced(hours("c1", "k1", "2023-03-10T22:00:00+01:00", "2023-03-11T06:30:00+01:00"));

        assertThat(item.getStatus()).isEqualTo(ChargeItemStatus.NOTBILLABLE);
        assertThat(item.getOverrideReason()).contains("R-CMP-5");
        assertThat(item.getPriceOverride().getValue()).isEqualByComparingTo("2465.00"); // 8.5 h × 290, shown, not billed
    }

    @Test
    void hoursOutsideTheAgreementPeriodAreRefused_R_TK_3() {
        facts.add(agreement("k1", "vastmanland", "assist", true)).getApplies()
                .setStartElement(new DateTimeType("2023-03-01T00:00:00+01:00")).setEndElement(new DateTimeType("2023-03-31T00:00:00+02:00"));
        assertThat(refusals(priced(hours("c1", "k1", "2023-04-02T08:00:00+02:00", "2023-04-02T09:00:00+02:00")), Optional.empty()))
                .containsExactly("R-TK-3 ChargeItem.occurrencePeriod");
    }

    @Test
    void negativeAndOverlappingHoursAreRefused_R_TK_4() {
        facts.add(agreement("k1", "vastmanland", "assist", true)).getApplies()
                .setStartElement(new DateTimeType("2023-03-01T00:00:00+01:00")).setEndElement(new DateTimeType("2023-03-31T00:00:00+02:00"));
        assertThat(refusals(priced(hours("c1", "k1", "2023-03-02T10:00:00+01:00", "2023-03-02T09:00:00+01:00")), Optional.empty()))
                .containsExactly("R-TK-4 ChargeItem.occurrencePeriod");
        facts.add(priced(hours("c2", "k1", "2023-03-02T08:00:00+01:00", "2023-03-02T12:00:00+01:00")));
        assertThat(refusals(priced(hours("c3", "k1", "2023-03-02T11:00:00+01:00", "2023-03-02T13:00:00+01:00")), Optional.empty()))
                .containsExactly("R-TK-4 ChargeItem.occurrencePeriod");
        assertThat(refusals(priced(hours("c4", "k1", "2023-03-02T12:00:00+01:00", "2023-03-02T13:00:00+01:00")), Optional.empty()))
                .isEmpty(); // starts when the other ends
    }

    @Test
    void aYearWithoutRateIsRefusedNamingTheEntry_R_TK_4() {
        facts.add(agreement("k1", "varmland", "assist", true));
        try {
            rules.onWrite(priced(hours("c1", "k1", "2026-10-02T08:00:00+02:00", "2026-10-02T09:00:00+02:00")), Optional.empty(), facts);
            throw new AssertionError("refused expected");
        } catch (RuleViolationException e) {
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.ruleId()).isEqualTo("R-TK-4");
                assertThat(v.message()).contains("ratesByYear.2026");
            });
        }
    }

    @Test
    void gavleborgPaysHalfOnlyForTheTargetGroup_R_TK_4() {
        // rate 345.70 is a made-up operator entry for the test, not Försäkringskassan's amount
        DomainRules withRate = new DomainRules(new RegionRuleSets().withRate("gavleborg", 2026, new BigDecimal("345.70"), "operator (test)"));
        Contract k = facts.add(agreement("k1", "gavleborg", "assist", true));
        ChargeItem item = hours("c1", "k1", "2026-10-02T08:00:00+02:00", "2026-10-02T12:00:00+02:00");
        withRate.amend(item, Optional.empty(), facts);
        assertThat(item.hasPriceOverride()).isFalse(); // not the target group: no price
        try {
            withRate.onWrite(item, Optional.empty(), facts);
            throw new AssertionError("refused expected");
        } catch (RuleViolationException e) {
            assertThat(e.violations()).extracting(RuleViolation::ruleId).containsExactly("R-TK-4");
        }
        k.addExtension(Codes.SPECIALIST_TREATMENT_RESPONSIBILITY, new BooleanType(true));
        withRate.amend(item, Optional.empty(), facts);
        assertThat(item.getPriceOverride().getValue()).isEqualByComparingTo("691.40"); // 4 h × 345.70 × 50 %
        assertThat(item.getFactorOverride()).isEqualByComparingTo("0.50");
    }

    @Test
    void invoicedHoursAreNotChanged_R_TK_4() {
        facts.add(agreement("k1", "vastmanland", "assist", true));
        ChargeItem billed = hours("c1", "k1", "2023-03-02T08:00:00+01:00", "2023-03-02T09:00:00+01:00").setStatus(ChargeItemStatus.BILLED);
        assertThat(refusals(hours("c1", "k1", "2023-03-02T08:00:00+01:00", "2023-03-02T10:00:00+01:00"), Optional.of(billed)))
                .containsExactly("R-TK-4 ChargeItem.status");
    }

    private static Communication notice(String category, String sender, String recipient, Communication.CommunicationPriority priority) {
        Communication c = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED)
                .setSubject(new Reference(Fixtures.PATIENT)).setSender(new Reference(sender)).setPriority(priority);
        c.addCategory(new CodeableConcept(new Coding(Canonical.COMMUNICATION_CATEGORY, category, null)));
        c.addRecipient(new Reference(recipient));
        c.addAbout(new Reference("Contract/k1"));
        c.setId("n1");
        return c;
    }

    @Test
    void cannotFulfilGoesFromTheExecutorToTheWardAtOnce_R_TK_3() {
        facts.add(agreement("k1", "varmland", "assist", true));
        assertThat(refusals(notice("cannot-fulfil", "Organization/assist", "Organization/ward",
                Communication.CommunicationPriority.STAT), Optional.empty())).isEmpty();
        assertThat(refusals(notice("cannot-fulfil", "Organization/assist", "Organization/region",
                Communication.CommunicationPriority.ROUTINE), Optional.empty()))
                .containsExactlyInAnyOrder("R-TK-3 Communication.recipient", "R-TK-3 Communication.priority");
    }

    @Test
    void deviationGoesToTheResponsibleCareProviderAndSeriousOnesToTheChiefPhysician_R_TK_2_R_TK_5() {
        facts.add(agreement("k1", "varmland", "assist", true));
        assertThat(refusals(notice("deviation-report", "Organization/assist", "Organization/assist",
                Communication.CommunicationPriority.ROUTINE), Optional.empty())).containsExactly("R-TK-5 Communication.recipient");

        RuleEffects routine = rules.onWrite(notice("deviation-report", "Organization/assist", "Organization/ward",
                Communication.CommunicationPriority.ROUTINE), Optional.empty(), facts);
        assertThat(routine.creates()).isEmpty();
        RuleEffects serious = rules.onWrite(notice("deviation-report", "Organization/assist", "Organization/ward",
                Communication.CommunicationPriority.URGENT), Optional.empty(), facts);
        assertThat(serious.creates()).singleElement().isInstanceOfSatisfying(Task.class, t -> {
            assertThat(Codes.hasCoding(t.getCode(), Canonical.TASK_CODE, "deviation-direct-contact")).isTrue();
            assertThat(t.getOwner().getReference()).isEqualTo("Organization/ward");
            assertThat(t.getPriority()).isEqualTo(Task.TaskPriority.STAT);
            assertThat(t.getFocus().getReference()).isEqualTo("Communication/n1");
        });
    }
}
