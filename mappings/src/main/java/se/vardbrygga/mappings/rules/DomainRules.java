package se.vardbrygga.mappings.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Contract;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.mappings.purchase.RegionRuleSets;

/**
 * The rules of RULES.md that decide a write, whoever sends it (FHIR client or intake): refuse it
 * with the rule id, or let it through with what the rules write alongside it.
 */
public final class DomainRules {
    private final AgreementRules agreements;
    private final ReportedHours reportedHours;

    public DomainRules() {
        this(new RegionRuleSets());
    }

    public DomainRules(RegionRuleSets regions) {
        this.agreements = new AgreementRules(regions);
        this.reportedHours = new ReportedHours(regions);
    }

    /**
     * What the rules change in a new resource before it is validated and stored; true when they changed it.
     * R-CON-1: a Task or an SBAR handover that carries the patient to a unit of the other principal which no
     * consent covers is held (on-hold) until a consent arrives.
     */
    public boolean amend(Resource resource, Optional<Resource> before, Facts facts) {
        if (resource instanceof ChargeItem item && ReportedHours.isReportedHours(item)) {
            reportedHours.amend(item, facts); // priced by the region's rule set (R-TK-4, R-CMP-5)
            return true;
        }
        if (before.isPresent()) {
            return false;
        }
        if (resource instanceof Task task) {
            return ConsentRules.holdWithoutConsent(task, facts);
        }
        return resource instanceof Communication handover && ConsentRules.holdWithoutConsent(handover, facts);
    }

    /**
     * @param resource the resource about to be stored (with its id)
     * @param before   its current stored version, for an update
     * @throws RuleViolationException when a rule refuses the write
     */
    public RuleEffects onWrite(Resource resource, Optional<Resource> before, Facts facts) {
        List<RuleViolation> violations = new ArrayList<>();
        RuleEffects effects = RuleEffects.NONE;
        if (resource instanceof Task task) {
            TaskLifecycle.check(task, before); // 409 with the allowed transitions
            ConsentRules.checkHeld(task, before, facts, violations);
            if (DelegationRules.isDelegation(task)) {
                DelegationRules.checkIssuing(task, before, facts, violations);
            } else if (CompanionRules.isCompanionRequest(task)) {
                CompanionRules.check(task, before, facts, violations);
            } else if (HomeCareRules.isAssignment(task)) {
                HomeCareRules.check(task, before, facts, violations);
            } else if (SipRules.isInvitation(task)) {
                SipRules.check(task, violations);
            } else if (EscalationRules.isEscalation(task)) {
                EscalationRules.check(task, before, violations);
            } else if (ServicePurchaseRules.isRequest(task)) {
                ServicePurchaseRules.check(task, before, facts, violations);
            } else if (DeviceFollowUp.isHandover(task) && before.isEmpty()) {
                DeviceFollowUp.checkHandover(task, facts, violations);
            }
            if (violations.isEmpty()) {
                TaskLifecycle.checkRejectionReason(task, before, violations);
            }
        } else if (resource instanceof Consent consent) {
            effects = ConsentRules.onConsent(consent, facts);
        } else if (resource instanceof ServiceRequest order) {
            HomeVisitRules.check(order, before, facts, violations);
        } else if (resource instanceof Communication communication) {
            CommunicationRules.check(communication, before, facts, violations);
            if (PurchaseNotices.isNotice(communication)) {
                PurchaseNotices.check(communication, facts, violations);
                effects = PurchaseNotices.onNotice(communication, before, facts);
            }
        } else if (resource instanceof Contract contract) {
            agreements.check(contract, violations, facts);
        } else if (resource instanceof ChargeItem item && ReportedHours.isReportedHours(item)) {
            reportedHours.check(item, before, facts, violations);
        } else if (resource instanceof Encounter encounter) {
            if (InpatientStay.begins(encounter, before)) {
                effects = DelegationRules.endAtAdmission(encounter, facts)
                        .and(CompanionRules.handOverAtAdmission(encounter, facts))
                        .and(AssistanceRules.atAdmission(encounter, facts));
            } else if (InpatientStay.ends(encounter, before)) {
                DischargeReadiness.check(encounter, facts, violations);
                effects = DelegationRules.reviewAtDischarge(encounter, facts)
                        .and(agreements.endAtDischarge(encounter, facts));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations, false);
        }
        return effects;
    }
}
