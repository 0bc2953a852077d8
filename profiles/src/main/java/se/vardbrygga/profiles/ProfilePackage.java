package se.vardbrygga.profiles;

/**
 * The project's FHIR NPM package on the classpath (built from {@code fsh-generated/resources}) and
 * the canonical URLs of its profiles.
 */
public final class ProfilePackage {
    /** HAPI's NpmPackageValidationSupport.loadPackageFromClasspath understands this form. */
    public static final String CLASSPATH = "classpath:vardbrygga-fhir-package.tgz";
    public static final String STRUCTURE_DEFINITION_BASE = Canonical.BASE + "/StructureDefinition/";

    private ProfilePackage() {
    }

    /** The canonical URL of one of the project's profiles, e.g. {@code vb-delegation-task}. */
    public static String profile(String id) {
        return STRUCTURE_DEFINITION_BASE + id;
    }
}
