package se.vardbrygga.adapter.intake;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.StringType;
import se.vardbrygga.adapter.fhir.Access;
import se.vardbrygga.adapter.fhir.BundleProcessor;
import se.vardbrygga.adapter.fhir.Outcomes;
import se.vardbrygga.adapter.fhir.ResourceService;
import se.vardbrygga.adapter.store.ResourceStore;
import se.vardbrygga.mappings.intake.FieldError;
import se.vardbrygga.mappings.intake.FieldTrace;
import se.vardbrygga.mappings.intake.IntakeContext;
import se.vardbrygga.mappings.intake.IntakeKinds;
import se.vardbrygga.mappings.intake.IntakeRejected;
import se.vardbrygga.mappings.intake.MappedIntake;
import se.vardbrygga.profiles.Canonical;

/**
 * The plain JSON intake: schema and mapping (mappings module), the units it names must be known, then
 * the mapped transaction goes exactly the way of a FHIR client's transaction (validation, rules,
 * storage). Every error is reported under the intake field it concerns; nothing is stored on error.
 */
public final class IntakeService {
    private final IntakeKinds kinds;
    private final BundleProcessor bundles;
    private final ResourceService service;
    private final ResourceStore store;
    private final Clock clock;

    public IntakeService(IntakeKinds kinds, BundleProcessor bundles, ResourceService service, ResourceStore store, Clock clock) {
        this.kinds = kinds;
        this.bundles = bundles;
        this.service = service;
        this.store = store;
        this.clock = clock;
    }

    public IntakeKinds kinds() {
        return kinds;
    }

    /**
     * Maps the document and processes its transaction, {@code allowed} deciding on the mapped transaction before
     * anything is written (the caller's scopes and unit; it throws to refuse); {@code access} as for any transaction.
     *
     * @return the transaction-response Bundle; throws 422 (fields), the refusal, or the transaction's own error
     */
    public Bundle receive(String kind, byte[] document, Access access, java.util.function.Consumer<MappedIntake> allowed) {
        MappedIntake mapped;
        try {
            mapped = kinds.map(kind, document, IntakeContext.at(clock.instant()));
        } catch (IntakeRejected rejected) {
            throw unprocessable(rejected.errors());
        }
        allowed.accept(mapped);
        checkUnitsKnown(mapped.trace());
        try {
            return bundles.process(mapped.transaction(), access);
        } catch (BaseServerResponseException e) {
            if (e.getOperationOutcome() instanceof OperationOutcome outcome) {
                toIntakeFields(outcome, mapped.trace());
            }
            throw e;
        }
    }

    /** The HSA-id of the unit that sends the intake ({@code sender.hsaId}), as the mapping traced it. */
    public static Optional<String> senderUnit(MappedIntake mapped) {
        return mapped.trace().units().entrySet().stream().filter(e -> e.getValue().equals("sender.hsaId"))
                .map(e -> e.getKey().substring(e.getKey().lastIndexOf('|') + 1)).findFirst();
    }

    /** Units are referenced by HSA-id and must be in the directory: an unknown one names its field. */
    private void checkUnitsKnown(FieldTrace trace) {
        List<FieldError> unknown = new ArrayList<>();
        store.inTransaction(session -> {
            for (Map.Entry<String, String> unit : trace.units().entrySet()) {
                String type = unit.getKey().substring(0, unit.getKey().indexOf('?'));
                if (service.findMatch(session, type, unit.getKey()).isEmpty()) {
                    unknown.add(new FieldError(unit.getValue(), "Organization".equals(type)
                            ? "Unknown unit: no Organization with this HSA-id" : "Unknown: no " + type + " with this identifier", null));
                }
            }
            return null;
        });
        if (!unknown.isEmpty()) {
            unknown.sort(java.util.Comparator.comparing(FieldError::field));
            throw unprocessable(unknown);
        }
    }

    /** Rewrites {@code Bundle.entry[i]...} expressions to the intake fields they came from. */
    private static void toIntakeFields(OperationOutcome outcome, FieldTrace trace) {
        for (OperationOutcome.OperationOutcomeIssueComponent issue : outcome.getIssue()) {
            List<String> rules = issue.getDetails().getCoding().stream()
                    .filter(c -> Canonical.RULE.equals(c.getSystem())).map(Coding::getCode).toList();
            List<StringType> fields = new ArrayList<>();
            for (StringType expression : issue.getExpression()) {
                trace.field(expression.getValue(), issue.getDiagnostics(), rules)
                        .ifPresent(f -> fields.add(new StringType(f)));
            }
            if (!fields.isEmpty()) {
                issue.setExpression(fields.stream().distinct().toList());
            }
        }
        // the first issue only says which Bundle entry failed, which means nothing to an intake sender
        outcome.getIssue().removeIf(i -> i.getExpression().stream().allMatch(x -> x.getValue().matches("Bundle\\.entry\\[\\d+]"))
                && outcome.getIssue().size() > 1);
    }

    static UnprocessableEntityException unprocessable(List<FieldError> errors) {
        OperationOutcome outcome = new OperationOutcome();
        for (FieldError error : errors) {
            Outcomes.addError(outcome, error.ruleId() != null ? IssueType.BUSINESSRULE : IssueType.INVALID,
                    error.message(), error.field(), error.ruleId());
        }
        return new UnprocessableEntityException(errors.size() + " intake field error(s)", outcome);
    }
}
