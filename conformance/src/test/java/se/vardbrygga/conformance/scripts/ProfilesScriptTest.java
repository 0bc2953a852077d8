package se.vardbrygga.conformance.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code testscripts/profiles.json} is what {@link ProfilesScript} makes of the profile package: when the
 * package gains or changes an example, this fails until the script is regenerated with
 * {@code mvn -pl conformance test -Dtest=ProfilesScriptTest -Dconformance.regenerate=true}.
 */
class ProfilesScriptTest {
    private static final Path COMMITTED = Path.of("src/main/resources/testscripts/profiles.json");

    @Test
    void When_TheProfilePackageIsRead_Expect_TheCommittedProfilesScript() throws Exception {
        String generated = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true).encodeResourceToString(ProfilesScript.build()) + "\n";
        if (Boolean.getBoolean("conformance.regenerate")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8)).isEqualTo(generated);
    }
}
