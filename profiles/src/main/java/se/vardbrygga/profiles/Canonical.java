package se.vardbrygga.profiles;

/** The project's canonical URLs: the public contract of ARCHITECTURE.md ("The public contract"). */
public final class Canonical {
    public static final String BASE = "http://vardbrygga.example/fhir";
    public static final String CODE_SYSTEM_BASE = BASE + "/CodeSystem/";

    public static final String TASK_CODE = CODE_SYSTEM_BASE + "task-code";
    public static final String CAREPLAN_CATEGORY = CODE_SYSTEM_BASE + "careplan-category";
    public static final String VISIT_CONTEXT = CODE_SYSTEM_BASE + "visit-context";
    public static final String HOME_VISIT_INTERVENTION = CODE_SYSTEM_BASE + "home-visit-intervention";
    public static final String EXTENSIVE_CARE = CODE_SYSTEM_BASE + "extensive-care";
    public static final String DOCUMENT_KIND = CODE_SYSTEM_BASE + "document-kind";
    public static final String FOLLOW_UP_DECISION = CODE_SYSTEM_BASE + "follow-up-decision";
    public static final String REGION = CODE_SYSTEM_BASE + "region";
    public static final String PURCHASED_TASK_KIND = CODE_SYSTEM_BASE + "purchased-task-kind";
    public static final String SERVICE_PURCHASE = CODE_SYSTEM_BASE + "service-purchase";
    public static final String SBAR_SECTION = CODE_SYSTEM_BASE + "sbar-section";
    public static final String COMMUNICATION_CATEGORY = CODE_SYSTEM_BASE + "communication-category";
    public static final String ORGANIZATION_TYPE = CODE_SYSTEM_BASE + "organization-type";
    public static final String ENDPOINT_TYPE = CODE_SYSTEM_BASE + "endpoint-type";
    public static final String DELIVERY_STATUS = CODE_SYSTEM_BASE + "delivery-status";
    public static final String RULE = CODE_SYSTEM_BASE + "rule";
    public static final String TASK_PARAMETER_TYPE = CODE_SYSTEM_BASE + "task-parameter-type";
    public static final String LICENSED_PROFESSION = CODE_SYSTEM_BASE + "licensed-profession";
    public static final String INTAKE_KIND = CODE_SYSTEM_BASE + "intake-kind";

    /** The identifier of a Task a rule made (one per occasion, so that making it again finds the first). */
    public static final String RULE_TASK_ID = BASE + "/sid/rule-task";
    public static final String HSA_ID = "urn:oid:1.2.752.29.4.19";
    public static final String ORGANISATION_NUMBER = "urn:oid:2.5.4.97";
    public static final String PERSONNUMMER = "http://electronichealth.se/identifier/personnummer";
    public static final String SAMORDNINGSNUMMER = "http://electronichealth.se/identifier/samordningsnummer";

    private Canonical() {
    }
}
