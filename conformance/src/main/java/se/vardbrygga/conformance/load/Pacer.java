package se.vardbrygga.conformance.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The steady rate: hands out the start times of iterations, one every 1/rate seconds from the start of the run,
 * to whichever worker asks next. An iteration that starts more than {@value #LATE_MILLIS} ms after its time in the
 * measured phase is counted as late: the threads were all busy, so the server did not keep up with the rate (the
 * figures are then those of a lower rate, and the report says so). Without a rate every call returns at once.
 */
final class Pacer {
    static final long LATE_MILLIS = 100;

    private final long startNanos;
    private final long periodNanos;
    private final RunWindow window;
    private final AtomicLong slots = new AtomicLong();
    private final LongAdder late = new LongAdder();

    Pacer(RunWindow window, double rate) {
        this.window = window;
        this.startNanos = window.startNanos();
        this.periodNanos = rate > 0 ? Math.max(1, Math.round(1_000_000_000d / rate)) : 0;
    }

    /** Waits for the next iteration's start time. */
    void awaitSlot() throws InterruptedException {
        if (periodNanos == 0) {
            return;
        }
        long due = startNanos + slots.getAndIncrement() * periodNanos;
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        if (-wait > LATE_MILLIS * 1_000_000 && window.phaseAt(due) == RunWindow.Phase.MEASURE) {
            late.increment();
        }
    }

    /** Iterations of the measured phase that started late. */
    long late() {
        return late.sum();
    }
}
