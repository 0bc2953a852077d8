package se.vardbrygga.mappings;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import se.vardbrygga.profiles.Canonical;

/** The codes the mappings and rules write and look for (ARCHITECTURE.md, "The public contract"). */
public final class Codes {
    public static final String V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public static final String V3_DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
    public static final String PROVENANCE_AGENT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    public static final String ONE_WAY = Canonical.BASE + "/StructureDefinition/vb-one-way";
    public static final String VISIT_CONTEXT_EXTENSION = Canonical.BASE + "/StructureDefinition/vb-visit-context";
    public static final String SBAR_SECTION_EXTENSION = Canonical.BASE + "/StructureDefinition/vb-sbar-section";
    public static final String PERSONAL_ASSISTANCE = Canonical.BASE + "/StructureDefinition/vb-personal-assistance";
    public static final String REGION_EXTENSION = Canonical.BASE + "/StructureDefinition/vb-region";
    public static final String INVOICE_MARK = Canonical.BASE + "/StructureDefinition/vb-invoice-mark";
    public static final String SPECIALIST_TREATMENT_RESPONSIBILITY = Canonical.BASE + "/StructureDefinition/vb-specialist-treatment-responsibility";
    public static final String DUE_DATE = Canonical.BASE + "/StructureDefinition/vb-due-date";
    public static final String INVOICE_PERIOD = Canonical.BASE + "/StructureDefinition/vb-invoice-period";
    public static final String ENDPOINT_CERTIFICATE = Canonical.BASE + "/StructureDefinition/vb-endpoint-certificate";
    public static final String AGREEMENT_ID = Canonical.BASE + "/sid/service-purchase-agreement";
    public static final String REPORTED_HOURS_ID = Canonical.BASE + "/sid/reported-hours";
    public static final String INVOICE_ID = Canonical.BASE + "/sid/invoice";

    private Codes() {
    }

    public static Coding rule(String ruleId) {
        return new Coding(Canonical.RULE, ruleId, null);
    }

    public static CodeableConcept ruleConcept(String ruleId, String text) {
        return new CodeableConcept(rule(ruleId)).setText(text);
    }

    public static CodeableConcept taskCode(String code) {
        return new CodeableConcept(new Coding(Canonical.TASK_CODE, code, null));
    }

    /** The type of a Task.input (task-parameter-type), e.g. delegated-task. */
    public static CodeableConcept taskParameter(String code) {
        return new CodeableConcept(new Coding(Canonical.TASK_PARAMETER_TYPE, code, null));
    }

    /** A code of the service-purchase code system (terms, party roles, reported hours, invoice types). */
    public static Coding servicePurchase(String code) {
        return new Coding(Canonical.SERVICE_PURCHASE, code, null);
    }

    public static boolean hasCoding(CodeableConcept concept, String system, String code) {
        return concept != null && concept.getCoding().stream()
                .anyMatch(c -> system.equals(c.getSystem()) && code.equals(c.getCode()));
    }
}
