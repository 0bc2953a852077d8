package se.vardbrygga.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;

/**
 * What validating by the project's profiles needs, offline: the package from the classpath, then the FHIR core
 * definitions, snapshots and in-memory terminology; an unknown code system is a warning. The adapter validates every
 * write with it and the conformance suite every answer, so both judge by the same rules.
 */
public final class ProfileValidationSupport {
    private ProfileValidationSupport() {
    }

    /** The project's FHIR package (profiles, terminology, examples) from the classpath. */
    public static NpmPackageValidationSupport projectPackage(FhirContext context) {
        NpmPackageValidationSupport project = new NpmPackageValidationSupport(context);
        try {
            project.loadPackageFromClasspath(ProfilePackage.CLASSPATH);
        } catch (IOException e) {
            throw new UncheckedIOException("The profile package is missing from the classpath", e);
        }
        return project;
    }

    /** The project package, the FHIR core definitions, snapshots and offline terminology, in that order. */
    public static IValidationSupport chain(FhirContext context, NpmPackageValidationSupport project) {
        UnknownCodeSystemWarningValidationSupport unknownSystems = new UnknownCodeSystemWarningValidationSupport(context);
        unknownSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
        return new ValidationSupportChain(
                project,
                new DefaultProfileValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                unknownSystems);
    }
}
