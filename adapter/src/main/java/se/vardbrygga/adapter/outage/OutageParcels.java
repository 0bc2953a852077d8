package se.vardbrygga.adapter.outage;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.mappings.routing.Routing;
import se.vardbrygga.mappings.rules.Facts;
import se.vardbrygga.mappings.rules.ServicePurchaseRules;
import se.vardbrygga.mappings.rules.Units;
import se.vardbrygga.profiles.Canonical;

/**
 * Builds the {@link OutageParcel} of a message whose system is down (R-OUT-1): who sends it (a Task's requester, or
 * its owner for a reply; a Communication's sender), who receives it, the receiver's smime-email Endpoint with its
 * certificate (extension vb-endpoint-certificate, valid now) and phone Endpoint (or the unit's telecom), and the SBAR
 * form: a handover's four sections as written; for a Task its description as the situation and its inputs as the
 * order. A message a unit sends to itself (the Cosmic journal note, its NPÖ mirror) has no outage routine: empty.
 */
public final class OutageParcels {
    public static final String PHONE = "phone";
    public static final String SMIME_EMAIL = "smime-email";

    private OutageParcels() {
    }

    public static Optional<OutageParcel> of(String messageId, String channel, String receiverUnit, Resource resource,
                                            Facts facts, Instant now) {
        Optional<Organization> receiver = Units.organizationOf(new Reference(receiverUnit), facts);
        if (receiver.isEmpty()) {
            return Optional.empty();
        }
        Optional<Organization> sender = senderOf(resource, receiverUnit, facts);
        if (sender.map(OutageParcels::ref).filter(receiverUnit::equals).isPresent()) {
            return Optional.empty();
        }
        Optional<String> patientRef = Routing.patientOf(resource);
        Optional<Patient> patient = patientRef.map(Reference::new).flatMap(facts::resolve)
                .filter(Patient.class::isInstance).map(Patient.class::cast);
        MailTarget mail = mailTarget(receiver.get(), facts, now);
        SbarForm.Content form = form(resource, patient, name(sender), name(receiver));
        if (writtenSummaryToPurchaser(resource, channel, receiverUnit, facts)) {
            form = new SbarForm.Content(form.patient(), form.sender(), form.receiver(), form.situation(), form.background(),
                    form.assessment(), form.recommendation(), form.order(), WRITTEN_SUMMARY_TITLE, WRITTEN_SUMMARY_NOTE);
        }
        return Optional.of(new OutageParcel(messageId, form, receiverUnit, name(receiver).orElse(receiverUnit), mail.to(),
                mail.certificate(), mail.problem(), phoneOf(receiver.get(), facts), sender.map(OutageParcels::ref), patientRef,
                resource.fhirType() + "/" + resource.getIdElement().getIdPart() + "/_history/" + resource.getMeta().getVersionId(),
                channel));
    }

    static final String WRITTEN_SUMMARY_TITLE = "Skriftlig sammanfattning/epikris - tjänsteköp (R-TK-7)";
    static final String WRITTEN_SUMMARY_NOTE = "Cosmic kan inte användas: utförarens sammanfattning efter bedömning/insats, "
            + "inklusive bedömd fortsatt insats. Journalen överförs till tjänsteköparen och ska inte finnas kvar hos utföraren (R-TK-7).";

    /**
     * Jämtland's variant (R-TK-7): in a service purchase of Region Jämtland Härjedalen the hired staff document in Cosmic
     * (R-TK-6); when Cosmic cannot be used, what the executor sends back to the purchaser is its written summary, and
     * the records go to the purchaser, not kept by the executor.
     */
    private static boolean writtenSummaryToPurchaser(Resource resource, String channel, String receiverUnit, Facts facts) {
        if (!(resource instanceof Task task) || !channel.startsWith("cosmic-")
                || !Codes.hasCoding(task.getCode(), Canonical.TASK_CODE, "service-purchase-request")
                || !ServicePurchaseRules.region(task).filter("jamtland-harjedalen"::equals).isPresent()) {
            return false;
        }
        return isUnit(task.getRequester(), receiverUnit, facts);
    }

    private static Optional<Organization> senderOf(Resource resource, String receiverUnit, Facts facts) {
        if (resource instanceof Communication c) {
            return c.hasSender() ? Units.organizationOf(c.getSender(), facts) : Optional.empty();
        }
        if (resource instanceof Task t) {
            // the request goes to the owner; a reply goes back to the requester
            Reference sender = isUnit(t.getOwner(), receiverUnit, facts) ? t.getRequester() : t.getOwner();
            return sender.hasReference() ? Units.organizationOf(sender, facts) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether a reference (an Organization or a PractitionerRole) names the unit {@code Organization/<id>}. */
    private static boolean isUnit(Reference reference, String unit, Facts facts) {
        return reference.hasReference() && Units.organizationOf(reference, facts).map(OutageParcels::ref).filter(unit::equals).isPresent();
    }

    private static String ref(Organization unit) {
        return "Organization/" + unit.getIdElement().getIdPart();
    }

    /** The unit's outage e-mail address and certificate, or why the SBAR form cannot be e-mailed to it. */
    private record MailTarget(Optional<String> to, Optional<X509Certificate> certificate, String problem) {
        static MailTarget none(String problem) {
            return new MailTarget(Optional.empty(), Optional.empty(), problem);
        }
    }

    /** The smime-email Endpoint's mailto: address and certificate (extension vb-endpoint-certificate), valid now. */
    private static MailTarget mailTarget(Organization receiver, Facts facts, Instant now) {
        Optional<Endpoint> endpoint = Routing.endpoint(receiver, SMIME_EMAIL, facts).filter(e -> e.getAddress().startsWith("mailto:"));
        if (endpoint.isEmpty()) {
            return MailTarget.none("no smime-email Endpoint with a mailto: address");
        }
        Extension ext = endpoint.get().getExtensionByUrl(Codes.ENDPOINT_CERTIFICATE);
        if (ext == null || !(ext.getValue() instanceof Attachment a) || !a.hasData()) {
            return MailTarget.none("the smime-email Endpoint has no certificate");
        }
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(a.getData()));
            cert.checkValidity(Date.from(now));
            return new MailTarget(Optional.of(endpoint.get().getAddress().substring(7)), Optional.of(cert), null);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return MailTarget.none("the unit's certificate is not valid now");
        } catch (CertificateException | ClassCastException e) {
            return MailTarget.none("the unit's certificate cannot be read");
        }
    }

    private static Optional<String> phoneOf(Organization unit, Facts facts) {
        Optional<String> endpoint = Routing.endpoint(unit, PHONE, facts).map(Endpoint::getAddress)
                .map(a -> a.startsWith("tel:") ? a.substring(4) : a);
        return endpoint.or(() -> unit.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE)
                .map(ContactPoint::getValue).findFirst());
    }

    private static Optional<String> name(Optional<Organization> unit) {
        return unit.map(u -> u.hasName() ? u.getName() : ref(u));
    }

    static SbarForm.Content form(Resource resource, Optional<Patient> patient, Optional<String> sender, Optional<String> receiver) {
        String who = patient.map(OutageParcels::describe).orElse("-");
        if (resource instanceof Communication c) {
            return new SbarForm.Content(who, sender.orElse("-"), receiver.orElse("-"), section(c, "S"), section(c, "B"),
                    section(c, "A"), section(c, "R"), c.getBasedOn().stream().map(r -> r.hasDisplay() ? r.getDisplay() : r.getReference())
                    .collect(Collectors.joining(", ")));
        }
        Task task = (Task) resource;
        String order = task.getCode().getCodingFirstRep().hasDisplay() ? task.getCode().getCodingFirstRep().getDisplay()
                : task.getCode().getCodingFirstRep().getCode();
        List<String> inputs = task.getInput().stream().filter(i -> i.getValue() != null && i.getValue().isPrimitive())
                .map(i -> label(i.getType()) + ": " + i.getValue().primitiveValue()).toList();
        String outputs = task.getOutput().stream().filter(o -> o.getValue() != null && o.getValue().isPrimitive())
                .map(o -> label(o.getType()) + ": " + o.getValue().primitiveValue()).collect(Collectors.joining("\n"));
        return new SbarForm.Content(who, sender.orElse("-"), receiver.orElse("-"), task.getDescription(),
                task.getNote().stream().map(n -> n.getText()).collect(Collectors.joining("\n")), outputs,
                "Status: " + task.getStatus().toCode() + (task.hasStatusReason() ? " (" + task.getStatusReason().getText() + ")" : ""),
                order + (inputs.isEmpty() ? "" : "\n" + String.join("\n", inputs)));
    }

    private static String label(org.hl7.fhir.r4.model.CodeableConcept type) {
        return type.getCodingFirstRep().hasDisplay() ? type.getCodingFirstRep().getDisplay()
                : type.hasText() ? type.getText() : type.getCodingFirstRep().getCode();
    }

    private static String section(Communication c, String code) {
        return c.getPayload().stream()
                .filter(p -> p.getExtensionByUrl(Codes.SBAR_SECTION_EXTENSION) != null
                        && p.getExtensionByUrl(Codes.SBAR_SECTION_EXTENSION).getValue() instanceof org.hl7.fhir.r4.model.Coding k
                        && code.equals(k.getCode()))
                .map(p -> p.getContent().primitiveValue()).filter(v -> v != null).collect(Collectors.joining("\n"));
    }

    private static String describe(Patient p) {
        String id = p.getIdentifier().stream().filter(i -> Canonical.PERSONNUMMER.equals(i.getSystem())).map(i -> i.getValue())
                .findFirst().orElseGet(() -> p.getIdentifierFirstRep().getValue());
        String name = p.getName().isEmpty() ? "" : p.getNameFirstRep().getNameAsSingleString();
        return (id == null ? "" : id) + (name.isBlank() ? "" : ", " + name);
    }
}
