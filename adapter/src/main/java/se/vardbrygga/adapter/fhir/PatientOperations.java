package se.vardbrygga.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Clock;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import se.vardbrygga.adapter.store.ResourceStore;
import se.vardbrygga.mappings.rules.DeviceFollowUp;
import se.vardbrygga.mappings.rules.ResponsibleUnit;
import se.vardbrygga.profiles.Canonical;
import se.vardbrygga.mappings.rules.RuleViolationException;

/**
 * Operations on a Patient that answer a question with a rule: {@code $responsible-unit} says who is
 * responsible for the patient's health care and why; {@code $device-follow-up} (R-AD-1) says whether to
 * close, let the prescriber decide, or plan recurring follow-ups, records the assessment as a Task, and writes
 * the handover Task to the receiving unit when the follow-up moves, through the same validation and rules as
 * any write.
 */
public final class PatientOperations {
    private final FhirContext context;
    private final ResourceService service;
    private final ResourceStore store;
    private final Clock clock;

    public PatientOperations(FhirContext context, ResourceService service, ResourceStore store, Clock clock) {
        this.context = context;
        this.service = service;
        this.store = store;
        this.clock = clock;
    }

    @Operation(name = "$device-follow-up", type = Patient.class)
    public Parameters deviceFollowUp(@IdParam IdType patientId, @ResourceParam Parameters in) {
        String patient = "Patient/" + patientId.getIdPart();
        DeviceFollowUp.Assessment assessment = new DeviceFollowUp.Assessment(patient,
                string(in, "device", true), rating(in, "a"), rating(in, "b"),
                bool(in, "patientCanTakeResponsibility", true), in.getParameter("followUpNeeded") == null ? null
                        : bool(in, "followUpNeeded", false),
                bool(in, "responsibilityStays", true), bool(in, "atDischarge", false),
                reference(in, "prescriber"), reference(in, "prescribingUnit"), reference(in, "receivingUnit"));
        return store.inTransaction(session -> {
            service.read(session, "Patient", patientId.getIdPart()); // 404 for an unknown patient
            DeviceFollowUp.Plan plan;
            try {
                plan = DeviceFollowUp.plan(assessment, clock.instant());
            } catch (RuleViolationException refused) {
                throw RuleOutcomes.refused(context, refused);
            }
            String recorded = "Task/" + service.create(session, plan.assessment(), null).resource().getIdElement().getIdPart();
            Parameters out = new Parameters();
            out.addParameter().setName("decision").setValue(new CodeType(plan.decision().code()));
            out.addParameter().setName("explanation").setValue(new StringType(plan.decision().explanation()));
            out.addParameter().setName("assessment").setValue(new Reference(recorded));
            plan.handover().ifPresent(task -> {
                task.addPartOf(new Reference(recorded));
                Resource created = service.create(session, task, null).resource();
                out.addParameter().setName("handover").setValue(new Reference("Task/" + created.getIdElement().getIdPart()));
            });
            return out;
        });
    }

    /**
     * Who is responsible for the patient's health care and why (R-HC-1, R-HC-3, R-HC-4, R-GV-4, R-ESC-1):
     * {@code principal}, {@code unit} (0..*), {@code rule} (1..*) and {@code reason}, for callers and the inbox.
     */
    @Operation(name = "$responsible-unit", type = Patient.class, idempotent = true)
    public Parameters responsibleUnit(@IdParam IdType patientId) {
        return store.inTransaction(session -> {
            Patient patient = (Patient) service.read(session, "Patient", patientId.getIdPart());
            ResponsibleUnit.Answer answer = ResponsibleUnit.of(patient, new StoreFacts(session, service, clock));
            Parameters out = new Parameters();
            out.addParameter().setName("principal").setValue(new CodeType(answer.principal()));
            answer.units().forEach(unit -> out.addParameter().setName("unit").setValue(unit));
            answer.rules().forEach(rule -> out.addParameter().setName("rule")
                    .setValue(new Coding(Canonical.RULE, rule, null)));
            out.addParameter().setName("reason").setValue(new StringType(answer.reason()));
            return out;
        });
    }

    private static Type value(Parameters in, String name) {
        Parameters.ParametersParameterComponent p = in.getParameter(name);
        return p == null ? null : p.getValue();
    }

    private static int rating(Parameters in, String name) {
        if (!(value(in, name) instanceof IntegerType rating) || rating.getValue() == null
                || rating.getValue() < 1 || rating.getValue() > 3) {
            throw new InvalidRequestException("Parameter '" + name + "' must be valueInteger 1, 2 or 3 (R-AD-1)");
        }
        return rating.getValue();
    }

    private static String string(Parameters in, String name, boolean required) {
        if (value(in, name) instanceof StringType s && s.hasValue()) {
            return s.getValue();
        }
        if (required) {
            throw new InvalidRequestException("Parameter '" + name + "' (valueString) is required");
        }
        return null;
    }

    private static boolean bool(Parameters in, String name, boolean otherwise) {
        Type v = value(in, name);
        if (v == null) {
            return otherwise;
        }
        if (!(v instanceof BooleanType b) || !b.hasValue()) {
            throw new InvalidRequestException("Parameter '" + name + "' must be valueBoolean");
        }
        return b.getValue();
    }

    private static Reference reference(Parameters in, String name) {
        Type v = value(in, name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Reference r) || !r.hasReference()) {
            throw new InvalidRequestException("Parameter '" + name + "' must be valueReference");
        }
        return r;
    }
}
