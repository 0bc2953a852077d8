package se.vardbrygga.adapter.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.util.FhirTerser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import se.vardbrygga.adapter.search.IndexEntry;
import se.vardbrygga.adapter.search.IndexExtractor;
import se.vardbrygga.adapter.store.StoreSession;
import se.vardbrygga.profiles.Canonical;

/**
 * The units a resource names as parties, as HSA-ids: the sender, receiver, owner or named actor that may read and
 * write it (Task owner and requester, Communication sender and recipient, Consent actors, CarePlan performers, ...).
 * A reference counts by the unit it points at: an Organization by its HSA-id, a PractitionerRole by its
 * Organization's, a logical reference by its HSA identifier. Written with the search index of every version
 * ({@link IndexEntry#PARTY}), so that reading, searching and counting filter on them in SQL.
 */
public final class UnitParties {
    /** Where each type names its parties. Practitioner names none: a person, not a unit. */
    private static final Map<String, List<String>> PATHS = Map.ofEntries(
            Map.entry("Task", List.of("Task.owner", "Task.requester", "Task.restriction.recipient")),
            Map.entry("Communication", List.of("Communication.sender", "Communication.recipient")),
            Map.entry("Consent", List.of("Consent.performer", "Consent.organization", "Consent.provision.actor.reference")),
            Map.entry("CarePlan", List.of("CarePlan.author", "CarePlan.contributor", "CarePlan.activity.detail.performer")),
            Map.entry("ServiceRequest", List.of("ServiceRequest.requester", "ServiceRequest.performer")),
            Map.entry("DocumentReference", List.of("DocumentReference.author", "DocumentReference.custodian")),
            Map.entry("Contract", List.of("Contract.signer.party", "Contract.authority")),
            Map.entry("ChargeItem", List.of("ChargeItem.performingOrganization", "ChargeItem.requestingOrganization",
                    "ChargeItem.enterer", "ChargeItem.performer.actor")),
            Map.entry("Invoice", List.of("Invoice.issuer", "Invoice.recipient")),
            Map.entry("Encounter", List.of("Encounter.serviceProvider", "Encounter.participant.individual")),
            Map.entry("Provenance", List.of("Provenance.agent.who", "Provenance.agent.onBehalfOf")),
            Map.entry("AuditEvent", List.of("AuditEvent.agent.who")),
            Map.entry("Patient", List.of("Patient.managingOrganization", "Patient.generalPractitioner")),
            Map.entry("PractitionerRole", List.of("PractitionerRole.organization")),
            Map.entry("Endpoint", List.of("Endpoint.managingOrganization")));
    /** The units a Consent lets read the patient's assignment note (R-CON-1, R-INFO-2). */
    private static final String GRANTEES = "Consent.provision.actor.reference";

    private final FhirContext context;
    private final FhirTerser terser;

    public UnitParties(FhirContext context) {
        this.context = context;
        this.terser = context.newTerser();
    }

    /** The {@link IndexEntry#PARTY} and {@link IndexEntry#GRANTEE} rows of a resource about to be written. */
    public List<IndexEntry> entries(StoreSession session, IBaseResource resource) {
        List<IndexEntry> entries = new ArrayList<>();
        Set<String> parties = new LinkedHashSet<>();
        if (resource instanceof Organization org) {
            parties.addAll(hsaIds(org.getIdentifier()));
        }
        for (String path : PATHS.getOrDefault(resource.fhirType(), List.of())) {
            terser.getValues(resource, path, Reference.class).forEach(ref -> parties.addAll(unitsOf(session, ref)));
        }
        parties.forEach(unit -> entries.add(new IndexEntry.Token(IndexEntry.PARTY, Canonical.HSA_ID, unit)));
        if (resource.fhirType().equals("Consent")) {
            terser.getValues(resource, GRANTEES, Reference.class).stream()
                    .flatMap(ref -> unitsOf(session, ref).stream()).distinct()
                    .forEach(unit -> entries.add(new IndexEntry.Token(IndexEntry.GRANTEE, Canonical.HSA_ID, unit)));
        }
        return entries;
    }

    /** The HSA-ids of the unit a reference points at: none for a person, a patient or what cannot be resolved. */
    public Set<String> unitsOf(StoreSession session, Reference ref) {
        Set<String> units = new LinkedHashSet<>();
        if (ref.hasIdentifier() && Canonical.HSA_ID.equals(ref.getIdentifier().getSystem()) && ref.getIdentifier().hasValue()) {
            units.add(ref.getIdentifier().getValue());
        }
        Optional<String[]> target = IndexExtractor.parseReference(ref.getReference());
        if (target.isPresent()) {
            String type = target.get()[0];
            String id = target.get()[1];
            if (type.equals("Organization")) {
                read(session, Organization.class, id).ifPresent(org -> units.addAll(hsaIds(org.getIdentifier())));
            } else if (type.equals("PractitionerRole")) {
                read(session, PractitionerRole.class, id).filter(PractitionerRole::hasOrganization)
                        .ifPresent(role -> units.addAll(unitsOf(session, role.getOrganization())));
            }
        }
        return units;
    }

    /** The paths where a type names its parties, for the message of a refused write. */
    public static List<String> pathsOf(String type) {
        return type.equals("Organization") ? List.of("Organization.identifier") : PATHS.getOrDefault(type, List.of());
    }

    private <T extends IBaseResource> Optional<T> read(StoreSession session, Class<T> type, String id) {
        IParser parser = context.newJsonParser();
        return session.read(type.getSimpleName(), id).map(stored -> parser.parseResource(type, stored.json()));
    }

    private static List<String> hsaIds(List<Identifier> identifiers) {
        return identifiers.stream().filter(i -> Canonical.HSA_ID.equals(i.getSystem()) && i.hasValue())
                .map(Identifier::getValue).toList();
    }
}
