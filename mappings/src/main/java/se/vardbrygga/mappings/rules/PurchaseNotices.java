package se.vardbrygga.mappings.rules;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationPriority;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.mappings.purchase.Agreement;
import se.vardbrygga.profiles.Canonical;

/**
 * Notices during a service purchase, as Communications about the agreement (Contract):
 * the executor's "cannot fulfil" goes to the purchasing ward at once (R-TK-3), and a deviation report goes in
 * writing to the responsible care provider, the purchaser (R-TK-2, R-TK-5); a serious one (priority urgent or
 * higher) also gives the responsible care provider a Task to contact the chief physician / MAS directly.
 */
final class PurchaseNotices {
    static final String CANNOT_FULFIL = "cannot-fulfil";
    static final String DEVIATION = "deviation-report";

    private PurchaseNotices() {
    }

    static boolean isNotice(Communication c) {
        return category(c, CANNOT_FULFIL) || category(c, DEVIATION);
    }

    private static boolean category(Communication c, String code) {
        return c.getCategory().stream().anyMatch(cc -> Codes.hasCoding(cc, Canonical.COMMUNICATION_CATEGORY, code));
    }

    private static Optional<Agreement> agreement(Communication c, Facts facts) {
        return AgreementRules.referenced(c.getAbout(), facts).map(Agreement::new);
    }

    static void check(Communication notice, Facts facts, List<RuleViolation> out) {
        boolean cannotFulfil = category(notice, CANNOT_FULFIL);
        String rule = cannotFulfil ? "R-TK-3" : "R-TK-5";
        Optional<Agreement> agreement = agreement(notice, facts);
        if (agreement.isEmpty()) {
            out.add(new RuleViolation(rule, "Communication.about", "The notice is about the stored service-purchase "
                    + "agreement (Contract) (" + rule + ")"));
            return;
        }
        String purchaser = agreement.get().purchaser().map(Reference::getReference).orElse("");
        if (notice.getRecipient().stream().noneMatch(r -> purchaser.equals(r.getReference()))) {
            out.add(new RuleViolation(rule, "Communication.recipient", cannotFulfil
                    ? "The executor's notice that it cannot fulfil goes to the purchasing ward (" + purchaser + ") (R-TK-3)"
                    : "A deviation during a service purchase is reported in writing to the responsible care provider, "
                    + "the purchaser (" + purchaser + ") (R-TK-2, R-TK-5)"));
        }
        String executor = agreement.get().executor().map(Reference::getReference).orElse("");
        if (cannotFulfil && !executor.equals(notice.getSender().getReference())) {
            out.add(new RuleViolation(rule, "Communication.sender", "The notice that the assignment cannot be fulfilled "
                    + "is the executor's (" + executor + ") (R-TK-3)"));
        }
        if (cannotFulfil && notice.getPriority() != CommunicationPriority.STAT && notice.getPriority() != CommunicationPriority.ASAP) {
            out.add(new RuleViolation(rule, "Communication.priority", "The ward is told at once: priority asap or stat (R-TK-3)"));
        }
    }

    /** R-TK-5: a serious deviation (priority urgent, asap or stat) gives the purchaser a direct-contact Task. */
    static RuleEffects onNotice(Communication notice, Optional<Resource> before, Facts facts) {
        boolean serious = notice.getPriority() == CommunicationPriority.URGENT || notice.getPriority() == CommunicationPriority.ASAP
                || notice.getPriority() == CommunicationPriority.STAT;
        if (before.isPresent() || !category(notice, DEVIATION) || !serious) {
            return RuleEffects.NONE;
        }
        Optional<Agreement> agreement = agreement(notice, facts);
        if (agreement.isEmpty()) {
            return RuleEffects.NONE;
        }
        String id = notice.getIdElement().getIdPart();
        Task contact = new Task()
                .setStatus(Task.TaskStatus.REQUESTED)
                .setIntent(Task.TaskIntent.ORDER)
                .setPriority(Task.TaskPriority.STAT)
                .setCode(Codes.taskCode("deviation-direct-contact"))
                .setFor(new Reference(agreement.get().patient()))
                .setFocus(new Reference("Communication/" + id))
                .setAuthoredOn(Date.from(facts.now()))
                .setOwner(agreement.get().purchaser().orElseThrow().copy())
                .setRequester(notice.getSender().copy())
                .setDescription("A serious deviation during a service purchase: contact the chief physician / MAS directly (R-TK-5)");
        contact.addIdentifier(new Identifier().setSystem(Canonical.RULE_TASK_ID).setValue(id + "/deviation-direct-contact"));
        contact.setReasonCode(Codes.ruleConcept("R-TK-5", null));
        return RuleEffects.creating(List.of(contact));
    }
}
