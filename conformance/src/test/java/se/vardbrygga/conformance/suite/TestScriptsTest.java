package se.vardbrygga.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.TestScript;
import org.junit.jupiter.api.Test;

/** The packed TestScripts: the index and the folder in step, and every script loads as a TestScript named by its file. */
class TestScriptsTest {

    /** Maven runs the tests in the module's folder. */
    private static final Path FOLDER = Path.of("src/main/resources/testscripts");

    private static List<String> filesInFolder() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }

    private static List<String> indexInFolder() throws IOException {
        return Files.readAllLines(FOLDER.resolve("index.txt"), StandardCharsets.UTF_8).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void When_FolderAndIndexCompared_Expect_EveryScriptListedAndEveryListedFilePresent() throws IOException {
        List<String> files = filesInFolder();
        List<String> index = indexInFolder();

        assertThat(files).as("the folder has TestScripts").isNotEmpty();
        assertThat(index).as("listed in index.txt but not in the folder").isSubsetOf(files);
        assertThat(files).as("in the folder but not listed in index.txt").isSubsetOf(index);
        assertThat(index).as("listed once each").doesNotHaveDuplicates();
    }

    @Test
    void When_IndexReadFromClasspath_Expect_TheSourceIndex() throws IOException {
        assertThat(TestScripts.names()).containsExactlyElementsOf(indexInFolder());
    }

    @Test
    void When_EveryScriptLoaded_Expect_TestScriptWithIdOfItsFileName() {
        List<String> names = TestScripts.names();

        for (String name : names) {
            TestScript script = TestScripts.load(Scripts.FHIR, name);
            assertThat(script.getIdElement().getIdPart()).as(name).isEqualTo(name.substring(0, name.length() - ".json".length()));
            if (!DeclaredSearchParameters.generated(script)) { // its tests are made from the server's CapabilityStatement
                assertThat(script.getTest()).as(name + " has tests").isNotEmpty();
            }
        }
        assertThat(TestScripts.all(Scripts.FHIR)).hasSameSizeAs(names);
    }

    @Test
    void When_ScriptsFixturesLoaded_Expect_EveryOneFound() {
        for (TestScript script : TestScripts.all(Scripts.FHIR)) {
            // the context loads every fixture (contained, packed file or profile package example) and throws for a missing one
            ScriptContext context = new ScriptContext(Scripts.FHIR, script);
            for (TestScript.TestScriptFixtureComponent fixture : script.getFixture()) {
                assertThat(context.fixture(fixture.getId())).as(script.getIdElement().getIdPart() + " fixture " + fixture.getId()).isPresent();
            }
        }
    }

    @Test
    void When_NameIsNotPacked_Expect_IllegalState() {
        assertThatThrownBy(() -> TestScripts.load(Scripts.FHIR, "no-such-script.json"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-script.json");
    }
}
