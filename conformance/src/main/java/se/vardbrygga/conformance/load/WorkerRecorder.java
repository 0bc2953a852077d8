package se.vardbrygga.conformance.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything one worker thread records: per-operation recorders for the measured phase, and plain counts for the
 * warm-up phase. Confined to its worker thread until the driver has joined it.
 */
final class WorkerRecorder {

    private final Map<String, OperationRecorder> measured = new LinkedHashMap<>();
    private long warmupRequests;
    private long warmupErrors;

    void success(RunWindow.Phase phase, String operation, long nanos) {
        OperationRecorder recorder = operation(operation);
        if (phase == RunWindow.Phase.WARMUP) {
            warmupRequests++;
        } else if (phase == RunWindow.Phase.MEASURE) {
            recorder.recordLatency(nanos);
        }
    }

    void error(RunWindow.Phase phase, String operation, String reason) {
        OperationRecorder recorder = operation(operation);
        if (phase == RunWindow.Phase.WARMUP) {
            warmupRequests++;
            warmupErrors++;
        } else if (phase == RunWindow.Phase.MEASURE) {
            recorder.recordError(reason);
        }
    }

    /** Created on first use in any phase, so that the report lists operations in scenario order. */
    private OperationRecorder operation(String name) {
        return measured.computeIfAbsent(name, n -> new OperationRecorder());
    }

    /** Operations in the order this worker first used them (warm-up included); some may have no measured data. */
    Map<String, OperationRecorder> measured() {
        return Collections.unmodifiableMap(measured);
    }

    long warmupRequests() {
        return warmupRequests;
    }

    long warmupErrors() {
        return warmupErrors;
    }
}
