package se.vardbrygga.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import se.vardbrygga.adapter.server.AdapterServer;

/**
 * Committed → delivered latency of routed resources under a steady load (issue "Routing … nothing lost"): the demo
 * directory and simulators on H2 or an embedded PostgreSQL, a SIP invitation (one Lifecare SP delivery each) sent
 * through the intake at a fixed rate, then the delivery-latency quantiles of the deliveries during the load (the
 * {@code /metrics} latency buckets after the load minus those before it, so the warm-up does not count) and the
 * outbox counts. Before it the same load runs for {@code -DwarmUpSeconds} (60), unmeasured: the JIT's compiling
 * is not part of a steady load.
 *
 * <p>With {@code task} the load is FHIR creates of SIP invitation Tasks instead (copies of one the intake made): one
 * resource per request, each with one delivery.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar se.vardbrygga.benchmarks.RoutingLatency h2|postgres [rate/s] [seconds] [sip|task]</pre>
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
        boolean tasks = args.length > 3 && args[3].equals("task");
        try (DemoOnDatabase target = DemoOnDatabase.start(db, 0, "vb-latency-");
             AdapterServer server = Demo.startSeeded(target.config(), 0).server()) {
            run(server, rate, seconds, db, tasks);
        }
    }

    private static void run(AdapterServer server, int rate, int seconds, String db, boolean tasks) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Api http = new Api(client, "Bearer " + token(client, server.baseUrl().replace("/fhir", "/auth/token"), "healthcentre-ersboda"));
        String intake = server.baseUrl().replace("/fhir", "/intake/");
        String root = server.baseUrl().replace("/fhir", "");
        send(http, intake + "consent", ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'194403279823'},'decision':'permit',"
                + "'receivingUnits':[{'hsaId':'%s'}],'period':{'start':'2026-01-01','end':'2030-12-31'},'date':'2026-01-01'}")
                .formatted(HEALTH_CENTRE, HOME_CARE)).join();
        for (int i = 0; i < 50; i++) { // warm-up: validation, JIT, connections
            send(http, intake + "sip-invitation", invitation(-i)).join();
        }
        String taskTemplate = tasks ? taskTemplate(http, server.baseUrl()) : null;
        for (int i = 0; tasks && i < 50; i++) {
            send(http, server.baseUrl() + "/Task", taskTemplate.replace("#N#", "warm-up " + i)).join();
        }
        // warm-up at the measured rate: the JIT compiles HAPI's parser and validator for a minute or more (on two cores
        // its compiler threads took more CPU than the requests in a 20 s run); a steady load is measured after it
        int warmUp = Integer.getInteger("warmUpSeconds", 60);
        java.util.function.BiFunction<Integer, Boolean, CompletableFuture<HttpResponse<String>>> request = (n, warm) -> tasks
                ? send(http, server.baseUrl() + "/Task", taskTemplate.replace("#N#", (warm ? "warm-up " : "") + n))
                : send(http, intake + "sip-invitation", invitation(warm ? -n : n));
        Load warming = load(http, rate, warmUp, n -> request.apply(n, true));
        waitForEmptyOutbox(http, root);
        System.out.println("warm-up answers: " + statuses(warming));
        java.util.TreeMap<Double, Double> before = buckets(get(http, root + "/metrics"));
        Load measured = load(http, rate, seconds, n -> request.apply(n, false));
        List<Double> intakeMillis = measured.millis();
        // a request the connection lost (e.g. one sent on a pooled connection the server closed as idle) counts as refused
        long failed = statuses(measured).entrySet().stream().filter(s -> s.getKey() != 201).mapToLong(Map.Entry::getValue).sum();
        String counts = waitForEmptyOutbox(http, root);
        String metrics = get(http, root + "/metrics");
        System.out.printf("%s: %d %s at %d/s over %d s, %d refused%n", db, measured.answers().size(),
                tasks ? "SIP invitation Tasks (FHIR create, one resource each)" : "SIP invitations (intake: CarePlan + Task each)",
                rate, seconds, failed);
        List<Double> answered = intakeMillis.stream().sorted().toList();
        System.out.printf("  intake answered p50: %.0f ms, p90: %.0f ms, p99: %.0f ms%n", answered.get(answered.size() / 2),
                answered.get(answered.size() * 9 / 10), answered.get(answered.size() * 99 / 100));
        java.util.TreeMap<Double, Double> during = buckets(metrics);
        during.replaceAll((le, count) -> count - before.getOrDefault(le, 0.0));
        double count = during.lastEntry().getValue();
        System.out.printf("  delivered during the load: %.0f%n", count);
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            System.out.printf("  commit -> delivered p%d: %s%n", Math.round(q * 100), quantile(during, q * count));
        }
        System.out.println("  outbox: " + counts.substring(0, Math.min(counts.length(), counts.indexOf("entries") > 0 ? counts.indexOf("entries") : counts.length())).replaceAll("\\s+", " "));
    }

    /** The requests of one load phase and their answer times (ms). */
    private record Load(List<CompletableFuture<HttpResponse<String>>> answers, List<Double> millis) {
    }

    /** How many answers of a load had each status (-1: the connection was lost). */
    private static Map<Integer, Long> statuses(Load load) {
        return load.answers().stream().map(a -> a.handle((r, e) -> e == null ? r.statusCode() : -1).join())
                .collect(java.util.stream.Collectors.groupingBy(status -> status, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    /** Sends request {@code n} (1, 2, …) at a fixed rate for the given seconds; returns when the last is sent. */
    private static Load load(Api http, int rate, int seconds, java.util.function.IntFunction<CompletableFuture<HttpResponse<String>>> request)
            throws InterruptedException {
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(4);
        AtomicInteger sent = new AtomicInteger();
        Load load = new Load(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        long total = (long) rate * seconds;
        clock.scheduleAtFixedRate(() -> {
            int n = sent.incrementAndGet();
            if (n <= total) {
                long start = System.nanoTime();
                load.answers().add(request.apply(n).whenComplete((r, e) -> load.millis().add((System.nanoTime() - start) / 1e6)));
            }
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        Thread.sleep(seconds * 1000L + 500);
        clock.shutdownNow();
        load.answers().forEach(a -> a.handle((r, e) -> null).join());
        return load;
    }

    /** The outbox counts once nothing is pending (or after 30 s). */
    private static String waitForEmptyOutbox(Api http, String root) throws Exception {
        String counts = "";
        for (int i = 0; i < 300; i++) {
            counts = get(http, root + "/admin/outbox?limit=1");
            if (counts.contains("\"pending\" : 0")) {
                break;
            }
            Thread.sleep(100);
        }
        return counts;
    }

    /** The cumulative latency buckets of the Lifecare SP channel: upper bound in seconds → count (+Inf last). */
    private static java.util.TreeMap<Double, Double> buckets(String metrics) {
        java.util.TreeMap<Double, Double> buckets = new java.util.TreeMap<>();
        Matcher m = Pattern.compile("vardbrygga_delivery_latency_seconds_bucket\\{channel=\"lifecare-sp\",le=\"([^\"]+)\",?} ([0-9.E+-]+)")
                .matcher(metrics);
        while (m.find()) {
            buckets.put(m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
        }
        return buckets;
    }

    /** The latency below which {@code rank} deliveries fell, linearly interpolated inside its bucket (ms). */
    private static String quantile(java.util.TreeMap<Double, Double> cumulative, double rank) {
        double lower = 0;
        double below = 0;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return "> " + Math.round(lower * 1000) + " ms";
                }
                double share = bucket.getValue() == below ? 1 : (rank - below) / (bucket.getValue() - below);
                return Math.round((lower + share * (bucket.getKey() - lower)) * 1000) + " ms (bucket " + Math.round(lower * 1000)
                        + "-" + Math.round(bucket.getKey() * 1000) + " ms)";
            }
            lower = bucket.getKey();
            below = bucket.getValue();
        }
        return "n/a";
    }

    /**
     * A SIP invitation Task as the intake made it (focus its CarePlan, owner the home-care unit), without id and meta,
     * its description a placeholder: each copy is one new resource with one Lifecare SP delivery.
     */
    private static String taskTemplate(Api http, String base) throws Exception {
        ca.uhn.fhir.context.FhirContext fhir = ca.uhn.fhir.context.FhirContext.forR4Cached();
        org.hl7.fhir.r4.model.Bundle found = fhir.newJsonParser().parseResource(org.hl7.fhir.r4.model.Bundle.class,
                get(http, base + "/Task?code=sip-invitation&_count=1"));
        org.hl7.fhir.r4.model.Task task = (org.hl7.fhir.r4.model.Task) found.getEntryFirstRep().getResource();
        task.setId((String) null);
        task.setMeta(null);
        task.setBusinessStatus(null);
        task.setDescription("#N#");
        return fhir.newJsonParser().encodeResourceToString(task);
    }

    private static String invitation(int n) {
        return ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'194403279823'},'careContact':{'hsaId':'SE2321009959-R0102',"
                + "'name':'Lisa Holm'},'dischargeReadyDate':'2030-11-27','deadline':'2030-11-26','invited':[{'hsaId':'%s',"
                + "'responsibility':'Omläggning %d'}],'kartlaggning':{'reason':'Utskrivning','background':'Diabetes typ 2',"
                + "'status':'Opåverkad','orderedTreatment':'Omläggning'}}").formatted(HEALTH_CENTRE, HOME_CARE, n).replace('\'', '"');
    }

    /** The HTTP client and the token every request carries. */
    private record Api(HttpClient client, String authorization) {
    }

    /** A token of the demo's own endpoint for one of its clients (secret "demo"). */
    private static String token(HttpClient http, String tokenUrl, String clientId) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(tokenUrl)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((clientId + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
        if (!token.find()) {
            throw new IllegalStateException("no token for " + clientId + ": " + body);
        }
        return token.group(1);
    }

    private static CompletableFuture<HttpResponse<String>> send(Api http, String url, String json) {
        return http.client().sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", http.authorization())
                .POST(HttpRequest.BodyPublishers.ofString(json.replace('\'', '"'))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String get(Api http, String url) throws Exception {
        return http.client().send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", http.authorization()).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
