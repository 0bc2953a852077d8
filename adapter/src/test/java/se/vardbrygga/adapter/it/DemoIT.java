package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardbrygga.adapter.cli.Demo;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.config.ConfigLoader;
import se.vardbrygga.adapter.server.AdapterServer;

/** The demo seeds its directory through the transaction path, and seeding again adds nothing. */
class DemoIT {
    @TempDir
    Path dataDir;

    @Test
    void When_DemoStartedTwice_Expect_DirectorySeededOnceAndSearchable() throws Exception {
        AdapterConfig config = new ConfigLoader(java.util.Map.of()).load(null).withPort(0);
        int organizations;
        try (AdapterServer demo = Demo.start(config, dataDir)) {
            FhirHttp http = new FhirHttp(demo.baseUrl());
            organizations = total(http, "Organization");
            assertThat(organizations).isGreaterThanOrEqualTo(10);
            assertThat(total(http, "Endpoint")).isGreaterThanOrEqualTo(10);
            assertThat(total(http, "Patient")).isGreaterThanOrEqualTo(3);
            assertThat(total(http, "PractitionerRole")).isGreaterThanOrEqualTo(3);
            assertThat(total(http, "Organization?type=http://vardbrygga.example/fhir/CodeSystem/organization-type|municipal-home-care"))
                    .isEqualTo(5);
            assertThat(total(http, "Endpoint?connection-type=smime-email")).isEqualTo(organizations);
        }
        try (AdapterServer again = Demo.start(config, dataDir)) {
            assertThat(total(new FhirHttp(again.baseUrl()), "Organization")).isEqualTo(organizations);
        }
    }

    private static int total(FhirHttp http, String query) {
        return http.count(query);
    }
}
