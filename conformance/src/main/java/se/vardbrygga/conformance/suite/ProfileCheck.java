package se.vardbrygga.conformance.suite;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import se.vardbrygga.profiles.ProfilePackage;

/**
 * Offline validation of what a server answers, by the profiles packaged in this jar (the project's FHIR package and
 * the FHIR R4 core definitions): no validator service, no network. Unknown code systems are warnings, as in the
 * adapter; errors and fatal issues are what a {@code validateProfileId} assert reports.
 */
public final class ProfileCheck {
    private final FhirContext fhir;
    private final FhirValidator validator;

    public ProfileCheck(FhirContext fhir) {
        this.fhir = fhir;
        NpmPackageValidationSupport project = new NpmPackageValidationSupport(fhir);
        try {
            project.loadPackageFromClasspath(ProfilePackage.CLASSPATH);
        } catch (IOException e) {
            throw new UncheckedIOException("the profile package is missing from the suite's jar", e);
        }
        UnknownCodeSystemWarningValidationSupport unknownSystems = new UnknownCodeSystemWarningValidationSupport(fhir);
        unknownSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
        ValidationSupportChain chain = new ValidationSupportChain(project, new DefaultProfileValidationSupport(fhir),
                new SnapshotGeneratingValidationSupport(fhir), new InMemoryTerminologyServerValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir), unknownSystems);
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
