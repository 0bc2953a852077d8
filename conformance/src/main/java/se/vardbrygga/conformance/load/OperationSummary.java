package se.vardbrygga.conformance.load;

import java.util.Map;

/**
 * The reported figures of one operation over the measured phase. Latencies are of successful requests only.
 *
 * @param count         successful requests
 * @param errors        failed requests (unexpected status, I/O error, timeout)
 * @param throughput    successful requests per second of the measured phase
 * @param errorReasons  error reason to count
 */
public record OperationSummary(
        String name,
        long count,
        long errors,
        double throughput,
        double p50Millis,
        double p90Millis,
        double p99Millis,
        double maxMillis,
        Map<String, Long> errorReasons) {

    public OperationSummary {
        errorReasons = Map.copyOf(errorReasons);
    }

    static OperationSummary of(String name, OperationRecorder.Merged merged, double measuredSeconds) {
        long[] micros = merged.sortedMicros();
        return new OperationSummary(
                name,
                micros.length,
                merged.errors(),
                measuredSeconds > 0 ? micros.length / measuredSeconds : 0,
                millis(Percentiles.nearestRank(micros, 50)),
                millis(Percentiles.nearestRank(micros, 90)),
                millis(Percentiles.nearestRank(micros, 99)),
                millis(micros.length == 0 ? 0 : micros[micros.length - 1]),
                merged.errorReasons());
    }

    private static double millis(long micros) {
        return micros / 1_000.0;
    }
}
