package se.vardbrygga.conformance.load;

import java.time.Duration;

/**
 * The time line of a run in {@link System#nanoTime()} units: warm-up from {@code startNanos}, measurement from
 * {@code measureStartNanos}, over at {@code endNanos}. A request belongs to the phase in which it started.
 */
record RunWindow(long startNanos, long measureStartNanos, long endNanos) {

    enum Phase { WARMUP, MEASURE, OVER }

    static RunWindow startingAt(long startNanos, Duration warmup, Duration measured) {
        long measureStart = startNanos + warmup.toNanos();
        return new RunWindow(startNanos, measureStart, measureStart + measured.toNanos());
    }

    /** Overflow-safe comparison, as {@code nanoTime} values may wrap. */
    Phase phaseAt(long nanos) {
        if (nanos - endNanos >= 0) {
            return Phase.OVER;
        }
        return nanos - measureStartNanos >= 0 ? Phase.MEASURE : Phase.WARMUP;
    }

    double measuredSeconds() {
        return (endNanos - measureStartNanos) / 1e9;
    }
}
