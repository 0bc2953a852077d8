package se.vardbrygga.mappings.intake;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/** The patient's information-sharing Consent (vb-information-sharing-consent) for named receiving units. */
final class Consents {
    private static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    private static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    private static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

    private Consents() {
    }

    /** Permit (or deny) sharing with {@code receivers} for treatment during the period; {@code date} may be null. */
    static Consent sharing(String patient, Consent.ConsentProvisionType type, List<Reference> receivers, String start,
                           String end, String date) {
        Consent consent = new Consent()
                .setStatus(Consent.ConsentState.ACTIVE)
                .setScope(new CodeableConcept(new Coding(CONSENT_SCOPE, "patient-privacy", null)))
                .setPatient(new Reference(patient));
        consent.addCategory(new CodeableConcept(new Coding(Codes.V3_ACT_CODE, "IDSCL", null)));
        consent.addPerformer(new Reference(patient));
        consent.addPolicy().setUri(Canonical.BASE + "/policy/information-sharing");
        if (date != null) {
            consent.setDateTimeElement(new DateTimeType(date));
        }
        var provision = consent.getProvision().setType(type);
        provision.getPeriod().setStartElement(new DateTimeType(start));
        if (end != null) {
            provision.getPeriod().setEndElement(new DateTimeType(end));
        }
        for (Reference receiver : receivers) {
            provision.addActor().setRole(new CodeableConcept(new Coding(PARTICIPATION_TYPE, "IRCP", null)))
                    .setReference(receiver.copy());
        }
        provision.addPurpose(new Coding(ACT_REASON, "TREAT", null));
        return consent;
    }
}
