package se.vardbrygga.conformance.suite;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationOptions;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import se.vardbrygga.profiles.ProfileValidationSupport;

/**
 * Offline validation of what a server answers, by the profiles packaged in this jar, with the adapter's support chain
 * ({@link ProfileValidationSupport}): no validator service, no network. Errors and fatal issues are what a
 * {@code validateProfileId} assert reports.
 */
public final class ProfileCheck {
    private final FhirContext fhir;
    private final FhirValidator validator;

    public ProfileCheck(FhirContext fhir) {
        this.fhir = fhir;
        IValidationSupport chain = ProfileValidationSupport.chain(fhir, ProfileValidationSupport.projectPackage(fhir));
        FhirInstanceValidator instance = new FhirInstanceValidator(chain);
        instance.setAnyExtensionsAllowed(true);
        instance.setErrorForUnknownProfiles(true);
        validator = fhir.newValidator().registerValidatorModule(instance);
    }

    /** The errors of a resource (JSON) against a profile (canonical URL); empty when it conforms. */
    public synchronized List<String> errors(String json, String profile) {
        return validator.validateWithResult(json, new ValidationOptions().addProfile(profile)).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(m -> (m.getLocationString() == null ? "" : m.getLocationString() + ": ") + m.getMessage())
                .toList();
    }

    public FhirContext fhir() {
        return fhir;
    }
}
