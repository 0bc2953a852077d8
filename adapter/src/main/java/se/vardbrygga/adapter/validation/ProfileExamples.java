package se.vardbrygga.adapter.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.ClasspathUtil;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.npm.NpmPackage;
import se.vardbrygga.profiles.ProfilePackage;

/** The example instances of the project's FHIR package (FSH {@code Usage: #example}). */
public final class ProfileExamples {
    /** Invalid examples are named {@code invalid-<key>}: the key of the invariant or check they break. */
    public static final String INVALID_PREFIX = "invalid-";
    private static final Set<String> CONFORMANCE_TYPES = Set.of("StructureDefinition", "ValueSet", "CodeSystem",
            "ImplementationGuide", "SearchParameter", "CapabilityStatement", "OperationDefinition");

    private ProfileExamples() {
    }

    public static List<Resource> all() {
        FhirContext fhir = FhirContext.forR4Cached();
        List<Resource> examples = new ArrayList<>();
        try (InputStream in = ClasspathUtil.loadResourceAsStream(ProfilePackage.CLASSPATH)) {
            NpmPackage.NpmPackageFolder folder = NpmPackage.fromPackage(in).getFolders().get("package");
            for (String file : folder.listFiles()) {
                if (!file.endsWith(".json") || file.equals("package.json") || file.startsWith(".")) {
                    continue;
                }
                Resource r = (Resource) fhir.newJsonParser()
                        .parseResource(new String(folder.getContent().get(file), StandardCharsets.UTF_8));
                if (!CONFORMANCE_TYPES.contains(r.fhirType())) {
                    examples.add(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }

    /** The examples that must validate without errors. */
    public static List<Resource> valid() {
        return all().stream().filter(r -> !isInvalid(r)).toList();
    }

    /** The examples that break exactly one invariant or check: {@link #expectedKey(Resource)}. */
    public static List<Resource> invalid() {
        return all().stream().filter(ProfileExamples::isInvalid).toList();
    }

    public static boolean isInvalid(Resource example) {
        return example.getIdElement().getIdPart().startsWith(INVALID_PREFIX);
    }

    /** The invariant or check key an invalid example must be refused with. */
    public static String expectedKey(Resource example) {
        return example.getIdElement().getIdPart().substring(INVALID_PREFIX.length());
    }
}
