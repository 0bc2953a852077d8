package se.vardbrygga.mappings.intake;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/** Builds the transaction of a mapped intake: placeholder ids, conditional writes, the trace. */
final class TransactionBuilder {
    private final Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    private final FieldTrace trace = new FieldTrace();
    private final IntakeContext context;
    private final List<Reference> created = new ArrayList<>();

    /** The time of the intake. */
    java.time.Instant now() {
        return context.now();
    }

    TransactionBuilder(IntakeContext context) {
        this.context = context;
    }

    /** A new resource; returns its placeholder reference. */
    String create(Resource resource) {
        return add(resource, HTTPVerb.POST, resource.fhirType(), null);
    }

    /** A resource created unless one matches {@code criteria} (e.g. a Patient by personnummer). */
    String createIfNoneExist(Resource resource, String criteria) {
        return add(resource, HTTPVerb.POST, resource.fhirType(), criteria);
    }

    /** A resource updated where one matches {@code criteria}, else created (conditional update). */
    String createOrUpdate(Resource resource, String criteria) {
        return add(resource, HTTPVerb.PUT, resource.fhirType() + "?" + criteria, null);
    }

    private String add(Resource resource, HTTPVerb verb, String url, String ifNoneExist) {
        String fullUrl = "urn:uuid:" + context.uuids().get();
        Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
        entry.getRequest().setMethod(verb).setUrl(url).setIfNoneExist(ifNoneExist);
        return fullUrl;
    }

    /** Marks a resource as a result of the intake: the Provenance targets it. */
    TransactionBuilder result(String placeholder) {
        created.add(new Reference(placeholder));
        return this;
    }

    /** The placeholder of entry {@code index}. */
    String bundleFullUrl(int index) {
        return bundle.getEntry().get(index).getFullUrl();
    }

    /** The entry index of the resource added last. */
    int index() {
        return bundle.getEntry().size() - 1;
    }

    FieldTrace trace() {
        return trace;
    }

    /** A unit that must be in the directory, by HSA-id; unknown units are reported under {@code field}. */
    Reference unit(String hsaId, String field) {
        String reference = "Organization?identifier=" + Canonical.HSA_ID + "|" + hsaId;
        trace.unit(reference, field);
        return new Reference(reference);
    }

    static String identifierCriteria(Identifier identifier) {
        return "identifier=" + identifier.getSystem() + "|" + identifier.getValue();
    }

    /** Adds the Provenance (intake kind, sending unit) and returns the finished intake. */
    MappedIntake finish(String kind, Reference sender) {
        Provenance provenance = new Provenance();
        created.forEach(provenance::addTarget);
        provenance.setRecorded(Date.from(context.now()));
        provenance.setActivity(new CodeableConcept(new Coding(Canonical.INTAKE_KIND, kind, null)));
        provenance.addAgent()
                .setType(new CodeableConcept(new Coding(Codes.PROVENANCE_AGENT_TYPE, "author", "Author")))
                .setWho(sender.copy());
        create(provenance);
        return new MappedIntake(bundle, trace);
    }
}
