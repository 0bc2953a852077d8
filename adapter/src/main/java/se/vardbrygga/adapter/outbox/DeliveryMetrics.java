package se.vardbrygga.adapter.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import se.vardbrygga.adapter.store.OutboxEntry;

/**
 * The delivery numbers in Prometheus text form (Micrometer): outbox depth per status (read from the database at
 * scrape time, so it is the same on every node), deliveries, retries, dead letters and fallbacks per channel, and
 * the committed-to-delivered latency per channel with p50/p90/p99 and cumulative buckets.
 */
public final class DeliveryMetrics {
    /**
     * Cumulative latency buckets ({@code _bucket{le=…}}) beside the per-node quantiles: counters that add up across
     * nodes and that a benchmark can subtract to measure one interval (the quantiles cannot be combined or subtracted).
     */
    private static final Duration[] LATENCY_BUCKETS = java.util.stream.LongStream.of(
            10, 25, 50, 75, 100, 150, 200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000, 30000)
            .mapToObj(Duration::ofMillis).toArray(Duration[]::new);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public DeliveryMetrics(Supplier<Map<OutboxEntry.Status, Integer>> depth) {
        for (OutboxEntry.Status status : OutboxEntry.Status.values()) {
            Gauge.builder("vardbrygga_outbox_rows", () -> depth.get().getOrDefault(status, 0))
                    .description("Outbox rows by status").tag("status", status.code())
                    .register(registry);
        }
    }

    void delivered(String channel, long committedToDeliveredMillis) {
        Counter.builder("vardbrygga_deliveries").description("Deliveries acted on by the receiver")
                .tag("channel", channel).register(registry).increment();
        Timer.builder("vardbrygga_delivery_latency").description("From the commit of the resource to its delivery")
                .tag("channel", channel).publishPercentiles(0.5, 0.9, 0.99).distributionStatisticExpiry(Duration.ofMinutes(2))
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry).record(committedToDeliveredMillis, TimeUnit.MILLISECONDS);
    }

    void retried(String channel) {
        Counter.builder("vardbrygga_delivery_retries").description("Transient failures that will be tried again")
                .tag("channel", channel).register(registry).increment();
    }

    void dead(String channel) {
        Counter.builder("vardbrygga_delivery_dead").description("Deliveries given up (dead letters)")
                .tag("channel", channel).register(registry).increment();
    }

    void fallback(String channel) {
        Counter.builder("vardbrygga_delivery_fallbacks").description("Deliveries handed to the outage routine (R-OUT-1)")
                .tag("channel", channel).register(registry).increment();
    }

    void reconciled(String channel) {
        Counter.builder("vardbrygga_delivery_reconciled")
                .description("Deliveries after an outage, marked as already handled by the outage routine")
                .tag("channel", channel).register(registry).increment();
    }

    /** The Prometheus text exposition (format 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }
}
