package se.vardbrygga.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.vardbrygga.adapter.cli.Demo;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.config.ConfigLoader;
import se.vardbrygga.adapter.server.AdapterServer;

/**
 * Committed → delivered latency of routed resources under a steady load (issue "Routing … nothing lost"): the demo
 * directory and simulators on H2 or an embedded PostgreSQL, a SIP invitation (one Lifecare SP delivery each) sent
 * through the intake at a fixed rate, then the delivery-latency quantiles from {@code /metrics} and the outbox counts.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar se.vardbrygga.benchmarks.RoutingLatency h2|postgres [rate/s] [seconds]</pre>
 */
public final class RoutingLatency {
    private static final String HEALTH_CENTRE = "SE2321009959-VB1401";
    private static final String HOME_CARE = "SE2120009952-VB2401";

    private RoutingLatency() {
    }

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        AdapterConfig config = new ConfigLoader(System.getenv()).load(null).withPort(0);
        EmbeddedPostgres postgres = null;
        if (db.equals("postgres")) {
            postgres = EmbeddedPostgres.builder().start();
            config = config.withDatabase(new AdapterConfig.Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", 10));
        } else {
            config = config.withDatabase(new AdapterConfig.Database("jdbc:h2:file:"
                    + Files.createTempDirectory("vb-latency-").resolve("db") + ";RETENTION_TIME=0", "sa", "", 10));
        }
        try (AdapterServer server = Demo.startSeeded(config, 0).server()) {
            run(server, rate, seconds, db);
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private static void run(AdapterServer server, int rate, int seconds, String db) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String intake = server.baseUrl().replace("/fhir", "/intake/");
        String root = server.baseUrl().replace("/fhir", "");
        send(http, intake + "consent", ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'194403279823'},'decision':'permit',"
                + "'receivingUnits':[{'hsaId':'%s'}],'period':{'start':'2026-01-01','end':'2030-12-31'},'date':'2026-01-01'}")
                .formatted(HEALTH_CENTRE, HOME_CARE)).join();
        for (int i = 0; i < 50; i++) { // warm-up: validation, JIT, connections
            send(http, intake + "sip-invitation", invitation(-i)).join();
        }
        Thread.sleep(2000);
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(4);
        AtomicInteger sent = new AtomicInteger();
        List<CompletableFuture<HttpResponse<String>>> answers = new CopyOnWriteArrayList<>();
        long total = (long) rate * seconds;
        clock.scheduleAtFixedRate(() -> {
            int n = sent.incrementAndGet();
            if (n <= total) {
                answers.add(send(http, intake + "sip-invitation", invitation(n)));
            }
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        Thread.sleep(seconds * 1000L + 500);
        clock.shutdownNow();
        long failed = answers.stream().map(CompletableFuture::join).filter(r -> r.statusCode() != 201).count();
        String counts = "";
        for (int i = 0; i < 300; i++) {
            counts = get(http, root + "/admin/outbox?limit=1");
            if (counts.contains("\"pending\" : 0")) {
                break;
            }
            Thread.sleep(100);
        }
        String metrics = get(http, root + "/metrics");
        System.out.printf("%s: %d SIP invitations at %d/s over %d s, %d refused%n", db, answers.size(), rate, seconds, failed);
        Matcher m = Pattern.compile("vardbrygga_delivery_latency_seconds\\{channel=\"lifecare-sp\",quantile=\"([0-9.]+)\"} ([0-9.E-]+)")
                .matcher(metrics);
        while (m.find()) {
            System.out.printf("  commit -> delivered p%d: %.1f ms%n", Math.round(Double.parseDouble(m.group(1)) * 100),
                    Double.parseDouble(m.group(2)) * 1000);
        }
        Matcher c = Pattern.compile("vardbrygga_delivery_latency_seconds_count\\{channel=\"lifecare-sp\"} ([0-9.]+)").matcher(metrics);
        if (c.find()) {
            System.out.println("  delivered (incl. warm-up): " + c.group(1));
        }
        System.out.println("  outbox: " + counts.substring(0, Math.min(counts.length(), counts.indexOf("entries") > 0 ? counts.indexOf("entries") : counts.length())).replaceAll("\\s+", " "));
    }

    private static String invitation(int n) {
        return ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'194403279823'},'careContact':{'hsaId':'SE2321009959-R0102',"
                + "'name':'Lisa Holm'},'dischargeReadyDate':'2030-11-27','deadline':'2030-11-26','invited':[{'hsaId':'%s',"
                + "'responsibility':'Omläggning %d'}],'kartlaggning':{'reason':'Utskrivning','background':'Diabetes typ 2',"
                + "'status':'Opåverkad','orderedTreatment':'Omläggning'}}").formatted(HEALTH_CENTRE, HOME_CARE, n).replace('\'', '"');
    }

    private static CompletableFuture<HttpResponse<String>> send(HttpClient http, String url, String json) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.replace('\'', '"'))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
