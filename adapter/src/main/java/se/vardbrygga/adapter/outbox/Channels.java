package se.vardbrygga.adapter.outbox;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import se.vardbrygga.adapter.channel.Channel;
import se.vardbrygga.adapter.channel.FhirRestChannel;
import se.vardbrygga.adapter.channel.LifecareChannel;
import se.vardbrygga.adapter.channel.NpoChannel;
import se.vardbrygga.adapter.channel.OAuthClientCredentials;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.mappings.routing.Routing;

/** The channel of each endpoint-type code: Cosmic's three over FHIR REST, Lifecare SP by messaging, NPÖ. */
public final class Channels {
    private Channels() {
    }

    public static Map<String, Channel> standard(FhirContext fhir, AdapterConfig.Routing settings, Clock clock) {
        Duration timeout = Duration.ofMillis(settings.requestTimeoutMillis());
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
        FhirRestChannel cosmic = new FhirRestChannel(fhir, http,
                new OAuthClientCredentials(http, settings.oauthClientId(), settings.oauthClientSecret(), clock), timeout);
        return Map.of(
                Routing.COSMIC_LINK, cosmic,
                Routing.COSMIC_MESSENGER, cosmic,
                Routing.COSMIC_JOURNAL, cosmic,
                Routing.NPO, new NpoChannel(cosmic),
                Routing.LIFECARE_SP, new LifecareChannel(fhir, http, timeout));
    }
}
