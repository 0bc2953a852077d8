package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.vardbrygga.adapter.cli.Demo;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.config.ConfigLoader;
import se.vardbrygga.adapter.server.AdapterServer;
import se.vardbrygga.conformance.load.LoadOutcome;
import se.vardbrygga.conformance.load.LoadResult;
import se.vardbrygga.conformance.load.LoadRunner;
import se.vardbrygga.conformance.load.OperationSummary;
import se.vardbrygga.conformance.suite.Credentials;

/**
 * The load mode's default scenario against the adapter in the demo configuration, as a tester runs it: the health
 * centre hands over (order, home-visit Task, SBAR) by client credentials, Umeå's home care searches its inbox and
 * reads each new Task with its own. No request fails — a server that lets a unit write only what names it accepts every
 * request of the run — and the handovers are there for the receiving unit afterwards.
 */
class LoadModeIT {

    @Test
    void When_TheHandoverLoadRunsAgainstTheSecuredDemo_Expect_NoErrorAndTheTasksInTheReceiversInbox(@TempDir Path dir) throws Exception {
        AdapterConfig config = new ConfigLoader(Map.of()).load(null).withPort(0);
        try (AdapterServer demo = Demo.start(config, dir.resolve("data"), 0)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            LoadOutcome outcome = new LoadRunner(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(OutputStream.nullOutputStream()))
                    .execute("--base-url", demo.baseUrl(), "--client-id", "healthcentre-ersboda", "--client-secret", "demo",
                            "--origin", "2=homecare-umea:demo", "--threads", "2", "--warmup", "1", "--duration", "3");

            String table = out.toString(StandardCharsets.UTF_8);
            assertThat(outcome.exitCode()).as(table).isZero();
            LoadResult result = outcome.result().orElseThrow();
            assertThat(result.operations()).extracting(OperationSummary::name).containsExactly("handover", "search", "read");
            assertThat(result.operations()).allSatisfy(op -> assertThat(op.count()).as(op.name()).isPositive());
            assertThat(table).doesNotContain("194403279823");

            HttpClient http = HttpClient.newHttpClient();
            Credentials homeCare = Credentials.client(http, demo.baseUrl(), "homecare-umea", "demo", null, null);
            long handovers = result.operations().get(0).count();
            String inbox = get(http, homeCare, demo.baseUrl() + "/Task?code=home-visit&status=requested&_summary=count");
            String sbar = get(http, homeCare, demo.baseUrl() + "/Communication?category=sbar-handover&_summary=count");
            assertThat(total(inbox)).as(inbox).isGreaterThanOrEqualTo(handovers);
            assertThat(total(sbar)).as(sbar).isGreaterThanOrEqualTo(handovers);
        }
    }

    private static String get(HttpClient http, Credentials credentials, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", credentials.get()).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static long total(String bundle) {
        Matcher m = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(bundle);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
