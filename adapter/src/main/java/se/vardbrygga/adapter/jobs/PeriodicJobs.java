package se.vardbrygga.adapter.jobs;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the adapter's time-driven work on one background thread: each job first right after start
 * (to catch up on what came due while the adapter was down), then after every interval. A job that
 * throws is logged and runs again at its next turn.
 */
public final class PeriodicJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicJobs.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "periodic-jobs");
        thread.setDaemon(true);
        return thread;
    });

    /** Schedules {@code job}; a zero interval leaves it off (it can still be run by hand). */
    public PeriodicJobs every(Duration interval, String name, Runnable job) {
        if (interval.isZero()) {
            LOG.info("Periodic job '{}' is off", name);
            return this;
        }
        executor.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.error("Periodic job '{}' failed: {}", name, e.getClass().getSimpleName());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("Periodic jobs still running after 10 s at shutdown");
        }
    }
}
