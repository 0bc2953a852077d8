package se.vardbrygga.adapter.fhir;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Contract;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/** The resource types this server serves, and which of them clients may write. */
public final class SupportedResources {

    public record Supported(Class<? extends Resource> type, boolean clientWritable) {
        public String name() {
            return type.getSimpleName();
        }
    }

    public static final List<Supported> ALL = List.of(
            new Supported(Patient.class, true),
            new Supported(Organization.class, true),
            new Supported(Practitioner.class, true),
            new Supported(PractitionerRole.class, true),
            new Supported(Endpoint.class, true),
            new Supported(Encounter.class, true),
            new Supported(CarePlan.class, true),
            new Supported(Task.class, true),
            new Supported(Consent.class, true),
            new Supported(Communication.class, true),
            new Supported(ServiceRequest.class, true),
            new Supported(DocumentReference.class, true),
            new Supported(Contract.class, true),
            new Supported(ChargeItem.class, true),
            // Made by $generate and $assistance-granted (R-TK-4, R-PA-4), read and searched by clients.
            new Supported(Invoice.class, false),
            new Supported(Provenance.class, true),
            // Written by the server itself (audit), read and searched by clients.
            new Supported(AuditEvent.class, false));

    private SupportedResources() {
    }

    public static Set<String> writableNames() {
        return ALL.stream().filter(Supported::clientWritable).map(Supported::name).collect(Collectors.toUnmodifiableSet());
    }
}
