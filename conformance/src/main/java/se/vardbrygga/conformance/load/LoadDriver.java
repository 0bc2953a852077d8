package se.vardbrygga.conformance.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import se.vardbrygga.conformance.suite.Credentials;

/**
 * Runs a scenario with {@code threads} workers over one shared {@link HttpClient}, at the configured rate or as fast as
 * they go, and merges what they recorded.
 * Bounded: workers stop starting requests at warm-up + duration; in-flight requests end within the request timeout;
 * a worker still alive after that (plus a grace period) is interrupted and reported as unfinished.
 */
public final class LoadDriver {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(1);

    public LoadResult run(LoadConfig config, Scenario scenario) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Credentials sender = config.auth().sender(client, config.baseUrl());
        Credentials receiver = config.auth().receiver(client, config.baseUrl(), sender);
        LoadFixture.Cell fixture = new LoadFixture.Cell();
        RunWindow window = RunWindow.startingAt(System.nanoTime(), config.warmup(), config.duration());
        Pacer pacer = new Pacer(window, config.rate());

        List<Thread> threads = new ArrayList<>(config.threads());
        List<WorkerRecorder> recorders = new ArrayList<>(config.threads());
        for (int i = 0; i < config.threads(); i++) {
            WorkerRecorder recorder = new WorkerRecorder();
            ScenarioContext context = new ScenarioContext(client, config, sender, receiver, REQUEST_TIMEOUT, window, recorder, fixture);
            Thread thread = new Thread(new Worker(config.scenario(), scenario, context, window, pacer), "load-worker-" + i);
            thread.setDaemon(true);
            recorders.add(recorder);
            threads.add(thread);
        }
        threads.forEach(Thread::start);

        long stopBy = window.endNanos() + REQUEST_TIMEOUT.toNanos() + STOP_GRACE.toNanos();
        List<WorkerRecorder> finished = new ArrayList<>();
        int unfinished = 0;
        for (int i = 0; i < threads.size(); i++) {
            Thread thread = threads.get(i);
            joinUntil(thread, stopBy);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(INTERRUPT_GRACE.toMillis());
            }
            if (thread.isAlive()) {
                unfinished++;
            } else {
                finished.add(recorders.get(i));
            }
        }
        return summarize(config, window, finished, unfinished, pacer.late());
    }

    private static void joinUntil(Thread thread, long deadlineNanos) throws InterruptedException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > 0) {
            // join(0) would wait forever, so only join with a positive timeout.
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
        }
    }

    private static LoadResult summarize(LoadConfig config, RunWindow window, List<WorkerRecorder> recorders,
            int unfinished, long late) {
        Map<String, List<OperationRecorder>> byOperation = new LinkedHashMap<>();
        long warmupRequests = 0;
        long warmupErrors = 0;
        for (WorkerRecorder recorder : recorders) {
            recorder.measured().forEach((name, op) -> byOperation.computeIfAbsent(name, n -> new ArrayList<>()).add(op));
            warmupRequests += recorder.warmupRequests();
            warmupErrors += recorder.warmupErrors();
        }
        double seconds = window.measuredSeconds();
        List<OperationSummary> operations = new ArrayList<>();
        byOperation.forEach((name, ops) -> operations.add(OperationSummary.of(name, OperationRecorder.merge(ops), seconds)));
        return new LoadResult(config, seconds, warmupRequests, warmupErrors, unfinished, late, operations);
    }
}
