package se.vardbrygga.adapter.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.vardbrygga.profiles.Canonical;

class SwedishIdentifierChecksTest {

    @ParameterizedTest
    @ValueSource(strings = {"191212121212", "194403279823", "201506119815"})
    void When_PersonnummerWithRightCheckDigit_Expect_NoFinding(String value) {
        assertThat(check(Canonical.PERSONNUMMER, value)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "191212121213, vb-personnummer-checkdigit",
            "19121212121, vb-personnummer-checkdigit",
            "19121212-1212, vb-personnummer-checkdigit",
            "191213321212, vb-personnummer-date"})
    void When_PersonnummerWrong_Expect_FindingWithKeyAndPathButNotTheValue(String value, String key) {
        List<SwedishIdentifierChecks.Finding> findings = check(Canonical.PERSONNUMMER, value);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo(key);
            assertThat(f.expression()).isEqualTo("Patient.identifier[1].value");
            assertThat(f.message()).doesNotContain(value);
        });
    }

    @ParameterizedTest
    @CsvSource({
            "198704659849, ",
            "198704059849, vb-samordningsnummer-day",
            "198704659848, vb-samordningsnummer-checkdigit",
            "198702919849, vb-samordningsnummer-day"})
    void When_Samordningsnummer_Expect_DayPlus60AndCheckDigit(String value, String key) {
        List<SwedishIdentifierChecks.Finding> findings = check(Canonical.SAMORDNINGSNUMMER, value);

        if (key == null) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).extracting(SwedishIdentifierChecks.Finding::key).containsExactly(key);
        }
    }

    @ParameterizedTest
    @CsvSource({"SE2321000016-15CQ, true", "SE232100001-X, false", "SE2321000016-, false", "se2321000016-1, false",
            "SE2321000016-ABC_1, false"})
    void When_HsaId_Expect_FormChecked(String value, boolean valid) {
        Organization org = new Organization();
        org.addIdentifier().setSystem(Canonical.HSA_ID).setValue(value);

        assertThat(SwedishIdentifierChecks.check(org)).hasSize(valid ? 0 : 1);
    }

    @ParameterizedTest
    @CsvSource({"121212121, 2", "440327982, 3", "870465984, 9"})
    void When_LuhnOverYymmddnnn_Expect_KnownCheckDigit(String nine, int digit) {
        assertThat(SwedishIdentifierChecks.luhnCheckDigit(nine)).isEqualTo(digit);
    }

    private static List<SwedishIdentifierChecks.Finding> check(String system, String value) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("http://example.org/other").setValue("x");
        patient.addIdentifier().setSystem(system).setValue(value);
        return SwedishIdentifierChecks.check(patient);
    }
}
