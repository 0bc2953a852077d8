package se.vardbrygga.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MaskingTest {

    @Test
    void When_AuthorizationHeader_Expect_SchemeKeptAndCredentialMasked() {
        assertThat(Masking.header("Authorization", "Bearer " + Fixtures.JWT)).isEqualTo("Bearer ***");
        assertThat(Masking.header("authorization", "Basic dXNlcjpwYXNz")).isEqualTo("Basic ***");
        assertThat(Masking.header("AUTHORIZATION", "opaque-token")).isEqualTo("***");
        assertThat(Masking.header("Cookie", "session=abc")).isEqualTo("***");
    }

    @Test
    void When_HeaderMap_Expect_OnlySecretsMasked() {
        assertThat(Masking.headers(Fixtures.headers("Authorization", "Bearer abc", "Accept", "application/fhir+json")))
                .containsEntry("Authorization", List.of("Bearer ***"))
                .containsEntry("Accept", List.of("application/fhir+json"));
    }

    @Test
    void When_JwtAnywhereInText_Expect_Masked() {
        assertThat(Masking.text("token " + Fixtures.JWT + " was rejected")).isEqualTo("token *** was rejected");
        assertThat(Masking.text("{\"id_hint\":\"" + Fixtures.JWT + "\"}")).isEqualTo("{\"id_hint\":\"***\"}");
    }

    @Test
    void When_AuthorizationInText_Expect_CredentialMasked() {
        assertThat(Masking.text("sent Authorization: Bearer abc123 to the server"))
                .isEqualTo("sent Authorization: Bearer *** to the server");
        assertThat(Masking.text("{\"Authorization\": \"Bearer abc123\"}")).isEqualTo("{\"Authorization\": \"Bearer ***\"}");
    }

    @Test
    void When_TokenFieldsInJson_Expect_ValuesMasked() {
        String json = "{\"access_token\":\"abc.def\",\"token_type\":\"Bearer\",\"client_secret\" : \"s3\\\"cr3t\"}";

        assertThat(Masking.text(json))
                .isEqualTo("{\"access_token\":\"***\",\"token_type\":\"Bearer\",\"client_secret\" : \"***\"}");
    }

    @Test
    void When_TokenFieldsInForm_Expect_ValuesMaskedAndOtherFieldsKept() {
        String form = "grant_type=client_credentials&client_assertion_type=urn:ietf:params:oauth:client-assertion-type:"
                + "jwt-bearer&client_assertion=abc&client_secret=s3cr3t&scope=system/*.read";

        assertThat(Masking.text(form)).isEqualTo("grant_type=client_credentials&client_assertion_type=urn:ietf:params:"
                + "oauth:client-assertion-type:jwt-bearer&client_assertion=***&client_secret=***&scope=system/*.read");
        assertThat(Masking.text("?access_token=xyz")).isEqualTo("?access_token=***");
    }

    @ParameterizedTest
    @CsvSource({
            "194403279823, 1944XXXXXXXX",
            "191212121212, 1912XXXXXXXX",
            "201506119815, 2015XXXXXXXX",
            "197010632391, 1970XXXXXXXX",
            "19440327-9823, 1944XXXX-XXXX",
            "440327-9823, 44XXXX-XXXX",
            "121212+1212, 12XXXX+XXXX",
    })
    void When_Personnummer_Expect_BirthYearKeptRestMasked(String personnummer, String masked) {
        assertThat(Masking.text(personnummer)).isEqualTo(masked);
        assertThat(Masking.text("patient " + personnummer + ".")).isEqualTo("patient " + masked + ".");
    }

    @Test
    void When_PersonnummerInJsonAndUrl_Expect_Masked() {
        assertThat(Masking.text("{\"value\":\"194403279823\"}")).isEqualTo("{\"value\":\"1944XXXXXXXX\"}");
        assertThat(Masking.text("/Patient?identifier=urn:oid:1.2.752.129.2.1.3.1%7C194403279823&_count=1"))
                .isEqualTo("/Patient?identifier=urn:oid:1.2.752.129.2.1.3.1%7C1944XXXXXXXX&_count=1");
        assertThat(Masking.text("expected 410 after delete of 191212121212 but was 200"))
                .isEqualTo("expected 410 after delete of 1912XXXXXXXX but was 200");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SE2321009918-VB1012",
            "SE2321000016-1003",
            "f47ac10b-58cc-4372-a567-0e02b2c3d479",
            "19440327-9823-4372-8567-194403279823",
            "2026-11-25T09:00:00Z",
            "2026-11-25T09:00:00.123+01:00",
            "1.2.752.29.4.19",
            "urn:oid:1.2.752.129.2.1.3.1",
            "1764061200000",
            "194413279823",
            "https://fhir.test.example/fhir/Patient/42/_history/1",
            "token_type=Bearer",
            "Bearer authentication is required",
    })
    void When_NoSecretOrIdentity_Expect_Unchanged(String text) {
        assertThat(Masking.text(text)).isEqualTo(text);
    }

    @Test
    void When_TenDigitsWithoutSeparator_Expect_UnchangedAsDocumented() {
        assertThat(Masking.text("4403279823")).isEqualTo("4403279823");
    }

    @Test
    void When_MaskedTwice_Expect_SameAsOnce() {
        String text = "Authorization: Bearer " + Fixtures.JWT + " for 19440327-9823 {\"access_token\":\"x\"}";

        assertThat(Masking.text(Masking.text(text))).isEqualTo(Masking.text(text))
                .isEqualTo("Authorization: Bearer *** for 1944XXXX-XXXX {\"access_token\":\"***\"}");
    }

    @Test
    void When_Null_Expect_Empty() {
        assertThat(Masking.text(null)).isEmpty();
    }
}
