package se.vardbrygga.adapter.search;

import static se.vardbrygga.adapter.search.SearchParamDef.date;
import static se.vardbrygga.adapter.search.SearchParamDef.reference;
import static se.vardbrygga.adapter.search.SearchParamDef.string;
import static se.vardbrygga.adapter.search.SearchParamDef.token;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The search parameters this server supports, per resource type: what a coordinator needs, with the
 * names and meanings of the FHIR R4 specification. {@code _id} and {@code _lastUpdated} are served
 * from the resource table itself and are valid for every type. The CapabilityStatement is generated
 * from this table, so what is listed is exactly what works.
 */
public final class SearchParamRegistry {

    public static final String ID = "_id";
    public static final String LAST_UPDATED = "_lastUpdated";

    private final Map<String, Map<String, SearchParamDef>> byType;

    private SearchParamRegistry(Map<String, Map<String, SearchParamDef>> byType) {
        this.byType = byType;
    }

    public static SearchParamRegistry standard() {
        Builder b = new Builder();
        b.type("Patient",
                token("identifier", "Patient.identifier"),
                string("name", "Patient.name"),
                string("family", "Patient.name.family"),
                string("given", "Patient.name.given"),
                date("birthdate", "Patient.birthDate"),
                token("gender", "Patient.gender"),
                token("active", "Patient.active"),
                reference("general-practitioner", "Patient.generalPractitioner"),
                reference("organization", "Patient.managingOrganization"));
        b.type("Organization",
                token("identifier", "Organization.identifier"),
                string("name", "Organization.name", "Organization.alias"),
                token("type", "Organization.type"),
                token("active", "Organization.active"),
                reference("partof", "Organization.partOf"),
                reference("endpoint", "Organization.endpoint"));
        b.type("Practitioner",
                token("identifier", "Practitioner.identifier"),
                string("name", "Practitioner.name"),
                string("family", "Practitioner.name.family"),
                string("given", "Practitioner.name.given"),
                token("active", "Practitioner.active"));
        b.type("PractitionerRole",
                token("identifier", "PractitionerRole.identifier"),
                reference("practitioner", "PractitionerRole.practitioner"),
                reference("organization", "PractitionerRole.organization"),
                token("role", "PractitionerRole.code"),
                token("specialty", "PractitionerRole.specialty"),
                token("active", "PractitionerRole.active"),
                reference("endpoint", "PractitionerRole.endpoint"));
        b.type("Endpoint",
                token("identifier", "Endpoint.identifier"),
                token("connection-type", "Endpoint.connectionType"),
                reference("organization", "Endpoint.managingOrganization"),
                token("status", "Endpoint.status"),
                string("name", "Endpoint.name"));
        b.type("Encounter",
                token("identifier", "Encounter.identifier"),
                reference("patient", "Encounter.subject").targeting("Patient"),
                reference("subject", "Encounter.subject"),
                token("status", "Encounter.status"),
                token("class", "Encounter.class"),
                token("type", "Encounter.type"),
                date("date", "Encounter.period"),
                reference("service-provider", "Encounter.serviceProvider"));
        b.type("CarePlan",
                token("identifier", "CarePlan.identifier"),
                reference("patient", "CarePlan.subject").targeting("Patient"),
                reference("subject", "CarePlan.subject"),
                token("status", "CarePlan.status"),
                token("intent", "CarePlan.intent"),
                token("category", "CarePlan.category"),
                date("date", "CarePlan.period"),
                reference("performer", "CarePlan.activity.detail.performer"),
                reference("based-on", "CarePlan.basedOn"));
        b.type("Task",
                token("identifier", "Task.identifier"),
                reference("patient", "Task.for").targeting("Patient"),
                reference("subject", "Task.for"),
                token("status", "Task.status"),
                token("intent", "Task.intent"),
                reference("owner", "Task.owner"),
                reference("requester", "Task.requester"),
                token("code", "Task.code"),
                reference("focus", "Task.focus"),
                reference("based-on", "Task.basedOn"),
                reference("part-of", "Task.partOf"),
                token("business-status", "Task.businessStatus"),
                date("authored-on", "Task.authoredOn"),
                date("modified", "Task.lastModified"),
                date("period", "Task.executionPeriod"));
        b.type("Consent",
                token("identifier", "Consent.identifier"),
                reference("patient", "Consent.patient"),
                token("status", "Consent.status"),
                token("scope", "Consent.scope"),
                token("category", "Consent.category"),
                reference("actor", "Consent.provision.actor.reference"),
                token("purpose", "Consent.provision.purpose"),
                date("period", "Consent.provision.period"),
                date("date", "Consent.dateTime"),
                reference("organization", "Consent.organization"));
        b.type("Communication",
                token("identifier", "Communication.identifier"),
                reference("patient", "Communication.subject").targeting("Patient"),
                reference("subject", "Communication.subject"),
                token("status", "Communication.status"),
                reference("recipient", "Communication.recipient"),
                reference("sender", "Communication.sender"),
                token("category", "Communication.category"),
                reference("based-on", "Communication.basedOn"),
                reference("part-of", "Communication.partOf"),
                reference("encounter", "Communication.encounter"),
                date("sent", "Communication.sent"),
                date("received", "Communication.received"));
        b.type("ServiceRequest",
                token("identifier", "ServiceRequest.identifier"),
                reference("patient", "ServiceRequest.subject").targeting("Patient"),
                reference("subject", "ServiceRequest.subject"),
                token("status", "ServiceRequest.status"),
                token("intent", "ServiceRequest.intent"),
                token("code", "ServiceRequest.code"),
                token("category", "ServiceRequest.category"),
                reference("requester", "ServiceRequest.requester"),
                reference("performer", "ServiceRequest.performer"),
                reference("based-on", "ServiceRequest.basedOn"),
                date("authored", "ServiceRequest.authoredOn"),
                date("occurrence", "ServiceRequest.occurrence[x]"));
        b.type("DocumentReference",
                token("identifier", "DocumentReference.identifier", "DocumentReference.masterIdentifier"),
                reference("patient", "DocumentReference.subject").targeting("Patient"),
                reference("subject", "DocumentReference.subject"),
                token("status", "DocumentReference.status"),
                token("type", "DocumentReference.type"),
                token("category", "DocumentReference.category"),
                date("date", "DocumentReference.date"),
                reference("author", "DocumentReference.author"),
                reference("custodian", "DocumentReference.custodian"),
                reference("related", "DocumentReference.context.related"));
        b.type("Contract",
                token("identifier", "Contract.identifier"),
                reference("patient", "Contract.subject").targeting("Patient"),
                reference("subject", "Contract.subject"),
                token("status", "Contract.status"),
                date("issued", "Contract.issued"),
                reference("signer", "Contract.signer.party"),
                reference("authority", "Contract.authority"));
        b.type("ChargeItem",
                token("identifier", "ChargeItem.identifier"),
                reference("patient", "ChargeItem.subject").targeting("Patient"),
                reference("subject", "ChargeItem.subject"),
                token("status", "ChargeItem.status"),
                token("code", "ChargeItem.code"),
                date("occurrence", "ChargeItem.occurrence[x]"),
                date("entered-date", "ChargeItem.enteredDate"),
                reference("performing-organization", "ChargeItem.performingOrganization"),
                reference("requesting-organization", "ChargeItem.requestingOrganization"),
                // not a core parameter: the service-purchase agreement the hours are reported against
                reference("agreement", "ChargeItem.supportingInformation").targeting("Contract"));
        b.type("Invoice",
                token("identifier", "Invoice.identifier"),
                reference("patient", "Invoice.subject").targeting("Patient"),
                reference("subject", "Invoice.subject"),
                token("status", "Invoice.status"),
                token("type", "Invoice.type"),
                date("date", "Invoice.date"),
                reference("recipient", "Invoice.recipient"),
                reference("issuer", "Invoice.issuer"));
        b.type("Provenance",
                reference("patient", "Provenance.target").targeting("Patient"),
                reference("target", "Provenance.target"),
                reference("agent", "Provenance.agent.who"),
                date("recorded", "Provenance.recorded"),
                token("activity", "Provenance.activity"));
        b.type("AuditEvent",
                reference("patient", "AuditEvent.entity.what").targeting("Patient"),
                reference("entity", "AuditEvent.entity.what"),
                reference("agent", "AuditEvent.agent.who"),
                date("date", "AuditEvent.recorded"),
                token("type", "AuditEvent.type"),
                token("subtype", "AuditEvent.subtype"),
                token("action", "AuditEvent.action"),
                token("outcome", "AuditEvent.outcome"));
        return b.build();
    }

    public Set<String> resourceTypes() {
        return byType.keySet();
    }

    public Collection<SearchParamDef> paramsOf(String resourceType) {
        return byType.getOrDefault(resourceType, Map.of()).values();
    }

    public Optional<SearchParamDef> find(String resourceType, String name) {
        return Optional.ofNullable(byType.getOrDefault(resourceType, Map.of()).get(name));
    }

    /** The {@code _include} values this server honours for a type: every reference parameter. */
    public List<String> includesOf(String resourceType) {
        return paramsOf(resourceType).stream()
                .filter(p -> p.type() == SearchParamType.REFERENCE)
                .map(p -> resourceType + ":" + p.name())
                .toList();
    }

    private static final class Builder {
        private final Map<String, Map<String, SearchParamDef>> byType = new LinkedHashMap<>();

        void type(String resourceType, SearchParamDef... defs) {
            Map<String, SearchParamDef> params = new LinkedHashMap<>();
            for (SearchParamDef def : defs) {
                params.put(def.name(), def);
            }
            byType.put(resourceType, java.util.Collections.unmodifiableMap(params));
        }

        SearchParamRegistry build() {
            return new SearchParamRegistry(java.util.Collections.unmodifiableMap(byType));
        }
    }
}
