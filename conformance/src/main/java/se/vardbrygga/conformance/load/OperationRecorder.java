package se.vardbrygga.conformance.load;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Latencies (microseconds) and errors of one operation, as seen by one worker thread. Not thread-safe by design: each
 * worker owns its recorders, and they are merged with {@link #merge} after the workers have been joined.
 * Memory: 8 bytes per recorded request.
 */
final class OperationRecorder {

    /** Distinct error reasons kept per operation; further reasons are counted under {@link #OTHER_REASONS}. */
    static final int MAX_REASONS = 10;
    static final String OTHER_REASONS = "other";

    private long[] micros = new long[256];
    private int size;
    private long errors;
    private final Map<String, Long> errorReasons = new LinkedHashMap<>();

    void recordLatency(long nanos) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, Math.multiplyExact(micros.length, 2));
        }
        micros[size++] = Math.max(0, nanos / 1_000);
    }

    void recordError(String reason) {
        errors++;
        String key = errorReasons.containsKey(reason) || errorReasons.size() < MAX_REASONS ? reason : OTHER_REASONS;
        errorReasons.merge(key, 1L, Long::sum);
    }

    int count() {
        return size;
    }

    long errors() {
        return errors;
    }

    /** Combines the recorders of one operation from all workers; latencies come out sorted ascending. */
    static Merged merge(List<OperationRecorder> recorders) {
        int total = 0;
        for (OperationRecorder recorder : recorders) {
            total = Math.addExact(total, recorder.size);
        }
        long[] all = new long[total];
        int offset = 0;
        long errors = 0;
        Map<String, Long> reasons = new LinkedHashMap<>();
        for (OperationRecorder recorder : recorders) {
            System.arraycopy(recorder.micros, 0, all, offset, recorder.size);
            offset += recorder.size;
            errors += recorder.errors;
            recorder.errorReasons.forEach((reason, count) -> reasons.merge(reason, count, Long::sum));
        }
        Arrays.sort(all);
        return new Merged(all, errors, Collections.unmodifiableMap(reasons));
    }

    /** Merged view: {@code sortedMicros} ascending. */
    record Merged(long[] sortedMicros, long errors, Map<String, Long> errorReasons) {
    }
}
