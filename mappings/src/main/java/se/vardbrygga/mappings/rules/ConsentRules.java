package se.vardbrygga.mappings.rules;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/**
 * R-CON-1: the patient's consent is always obtained before information passes between the principals. A
 * home-care Task (enrolment, SIP invitation, follow-up handover) for a unit that no active consent of the
 * patient covers is stored but held: status on-hold, businessStatus R-CON-1, and it moves on only when the
 * consent that covers the unit releases it (status requested again, a Provenance citing the rule) or by being
 * cancelled. An SBAR handover to the other principal's unit is held and released the same way (on-hold,
 * statusReason R-CON-1). R-CON-2: a declined home health care is documented as a denying consent; the held enrolments for
 * the declined units end (cancelled, statusReason R-CON-2) and nothing is transferred.
 */
final class ConsentRules {
    /** The Tasks that carry patient information to the other principal's unit. */
    static final Set<String> TRANSFERS = Set.of("home-care-assignment", "sip-invitation", "follow-up-handover");

    /** The Tasks the rules themselves create for a unit; they are not a transfer by one principal to the other. */
    private static final Set<String> RULE_MADE = Set.of("delegation-review", "assistance-limit-reminder",
            "assistance-compensation-application");

    private ConsentRules() {
    }

    static boolean transfers(Task task) {
        return TRANSFERS.stream().anyMatch(code -> Codes.hasCoding(task.getCode(), Canonical.TASK_CODE, code));
    }

    /**
     * Holds a new requested Task for a unit no active consent covers, when it carries the patient to the other
     * principal: the home-care transfers always, any other Task when requester and owner belong to different
     * principals. True when it amended the Task.
     */
    static boolean holdWithoutConsent(Task task, Facts facts) {
        if (task.getStatus() != TaskStatus.REQUESTED || task.getOwner().getReference() == null
                || task.getFor().getReference() == null || covered(task.getFor().getReference(), task.getOwner().getReference(), facts)) {
            return false;
        }
        if (RULE_MADE.stream().anyMatch(code -> Codes.hasCoding(task.getCode(), Canonical.TASK_CODE, code))) {
            return false; // what the adapter itself asks of a unit because a rule demands it (vb-rule-follow-up-task)
        }
        if (!transfers(task)) {
            Optional<Boolean> from = principal(task.getRequester(), facts);
            Optional<Boolean> to = principal(task.getOwner(), facts);
            if (from.isEmpty() || to.isEmpty() || from.equals(to)) {
                return false;
            }
        }
        task.setStatus(TaskStatus.ONHOLD).setBusinessStatus(held());
        return true;
    }

    /** A held Task moves on only by a consent (released) or by being cancelled (R-CON-1). */
    static void checkHeld(Task task, Optional<Resource> before, Facts facts, List<RuleViolation> out) {
        boolean wasHeld = before.map(b -> isHeld((Task) b)).orElse(false);
        if (wasHeld && task.getStatus() != TaskStatus.ONHOLD && task.getStatus() != TaskStatus.CANCELLED
                && !covered(task.getFor().getReference(), task.getOwner().getReference(), facts)) {
            out.add(new RuleViolation("R-CON-1", "Task.status", "The Task is held: no active consent of the patient covers "
                    + "this unit, so nothing is transferred to it yet; it is released when the consent is recorded (R-CON-1)"));
        }
    }

    /** An SBAR handover to the other principal's unit that no consent covers is held (on-hold, statusReason R-CON-1). */
    static boolean holdWithoutConsent(Communication handover, Facts facts) {
        String patient = handover.getSubject().getReference();
        if (patient == null || handover.getCategory().stream().noneMatch(c -> Codes.hasCoding(c, Canonical.COMMUNICATION_CATEGORY, "sbar-handover"))
                || handover.getStatus() != Communication.CommunicationStatus.COMPLETED) {
            return false;
        }
        Optional<Boolean> senderMunicipal = principal(handover.getSender(), facts);
        boolean crossesPrincipals = handover.getRecipient().stream().anyMatch(r -> {
            Optional<Boolean> recipientMunicipal = principal(r, facts);
            return senderMunicipal.isEmpty() || recipientMunicipal.isEmpty() || !senderMunicipal.equals(recipientMunicipal);
        });
        boolean allCovered = handover.getRecipient().stream()
                .allMatch(r -> r.getReference() != null && covered(patient, r.getReference(), facts));
        if (!crossesPrincipals || allCovered) {
            return false;
        }
        handover.setStatus(Communication.CommunicationStatus.ONHOLD).setStatusReason(held());
        return true;
    }

    /** True for a municipal unit, false for a region unit, empty when unknown. */
    private static Optional<Boolean> principal(Reference unit, Facts facts) {
        return Units.organizationOf(unit, facts).map(org -> Units.hasType(org, Units.MUNICIPAL));
    }

    /** An active permitting consent of the patient names the unit and has not ended. */
    static boolean covered(String patient, String unit, Facts facts) {
        Date now = Date.from(facts.now());
        return facts.search("Consent", "patient=" + patient + "&status=active&actor=" + unit).stream()
                .map(Consent.class::cast)
                .filter(c -> c.getProvision().getType() == Consent.ConsentProvisionType.PERMIT)
                .anyMatch(c -> !c.getProvision().getPeriod().hasEnd() || !endOfDay(c.getProvision().getPeriod()).before(now));
    }

    /** The end of a consent's period; a date (or coarser) means to the end of that day. */
    private static Date endOfDay(Period period) {
        Date end = period.getEnd();
        return period.getEndElement().getPrecision().ordinal() <= TemporalPrecisionEnum.DAY.ordinal()
                ? new Date(end.getTime() + 24L * 3600 * 1000) : end;
    }

    private static CodeableConcept held() {
        return Codes.ruleConcept("R-CON-1", "Held: no active consent of the patient covers this unit yet (R-CON-1)");
    }

    private static boolean isHeld(Task task) {
        return task.getStatus() == TaskStatus.ONHOLD && Codes.hasCoding(task.getBusinessStatus(), Canonical.RULE, "R-CON-1");
    }

    /**
     * A permitting consent releases the patient's held Tasks for the units it names (R-CON-1); a declined home
     * health care ends the held enrolments for them, documented and not transferred (R-CON-2).
     */
    static RuleEffects onConsent(Consent consent, Facts facts) {
        String patient = consent.getPatient().getReference();
        if (patient == null || consent.getStatus() != Consent.ConsentState.ACTIVE) {
            return RuleEffects.NONE;
        }
        boolean declined = consent.getProvision().getType() == Consent.ConsentProvisionType.DENY;
        Set<String> receivers = new java.util.HashSet<>();
        consent.getProvision().getActor().forEach(a -> receivers.add(a.getReference().getReference()));
        List<Change> changes = new ArrayList<>();
        for (Resource found : facts.search("Task", "patient=" + patient + "&status=on-hold")) {
            Task held = (Task) found;
            if (!isHeld(held) || !receivers.contains(held.getOwner().getReference())) {
                continue;
            }
            if (declined && !Codes.hasCoding(held.getCode(), Canonical.TASK_CODE, "home-care-assignment")) {
                continue;
            }
            String id = held.getIdElement().getIdPart();
            String rule = declined ? "R-CON-2" : "R-CON-1";
            changes.add(new Change("Task", id, current -> {
                Task task = (Task) current;
                if (!isHeld(task)) {
                    return Optional.empty(); // released or ended already
                }
                Date now = Date.from(facts.now());
                task.setBusinessStatus(null).setLastModified(now);
                if (declined) {
                    task.setStatus(TaskStatus.CANCELLED).setStatusReason(Codes.ruleConcept("R-CON-2", "The patient declined "
                            + "home health care from this unit and stays with the health centre: documented, not transferred (R-CON-2)"));
                } else {
                    task.setStatus(TaskStatus.REQUESTED);
                }
                return Optional.of(new Change.Changed(task, List.of(RuleProvenance.of(rule, new Reference("Task/" + id),
                        new Reference("Consent/" + consent.getIdElement().getIdPart()), RuleProvenance.adapter(), now))));
            }));
        }
        if (!declined) {
            for (Resource found : facts.search("Communication", "patient=" + patient + "&status=on-hold")) {
                Communication handover = (Communication) found;
                boolean named = handover.getRecipient().stream().allMatch(r -> receivers.contains(r.getReference())
                        || covered(patient, r.getReference(), facts));
                if (isHeld(handover) && named) {
                    changes.add(release(handover.getIdElement().getIdPart(), consent, facts));
                }
            }
        }
        return new RuleEffects(List.of(), changes);
    }

    private static boolean isHeld(Communication handover) {
        return handover.getStatus() == Communication.CommunicationStatus.ONHOLD
                && Codes.hasCoding(handover.getStatusReason(), Canonical.RULE, "R-CON-1");
    }

    private static Change release(String id, Consent consent, Facts facts) {
        return new Change("Communication", id, current -> {
            Communication handover = (Communication) current;
            if (!isHeld(handover)) {
                return Optional.empty();
            }
            Date now = Date.from(facts.now());
            handover.setStatus(Communication.CommunicationStatus.COMPLETED).setStatusReason(null);
            return Optional.of(new Change.Changed(handover, List.of(RuleProvenance.of("R-CON-1", new Reference("Communication/" + id),
                    new Reference("Consent/" + consent.getIdElement().getIdPart()), RuleProvenance.adapter(), now))));
        });
    }
}
