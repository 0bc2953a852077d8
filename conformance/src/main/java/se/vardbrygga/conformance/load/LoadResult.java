package se.vardbrygga.conformance.load;

import java.util.List;

/**
 * The outcome of a run.
 *
 * @param measuredSeconds   length of the measured phase (the throughput denominator)
 * @param warmupRequests    requests started during warm-up (not in the latency figures)
 * @param warmupErrors      of which failed
 * @param unfinishedWorkers workers that did not stop in time; their figures are missing and they count as errors
 * @param lateIterations    at a steady rate, measured iterations that started late (the server did not keep up)
 * @param operations        per operation, in the order first recorded
 */
public record LoadResult(
        LoadConfig config,
        double measuredSeconds,
        long warmupRequests,
        long warmupErrors,
        int unfinishedWorkers,
        long lateIterations,
        List<OperationSummary> operations) {

    public LoadResult {
        operations = List.copyOf(operations);
    }

    /** Every failure of the run: measured errors, warm-up errors and unfinished workers. */
    public long totalErrors() {
        return operations.stream().mapToLong(OperationSummary::errors).sum() + warmupErrors + unfinishedWorkers;
    }
}
