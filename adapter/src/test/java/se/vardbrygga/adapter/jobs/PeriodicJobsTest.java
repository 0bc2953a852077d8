package se.vardbrygga.adapter.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicJobsTest {

    @Test
    void When_Started_Expect_JobRunsAtOnceAndAgainAfterEachInterval() throws Exception {
        CountDownLatch threeRuns = new CountDownLatch(3);
        try (PeriodicJobs jobs = new PeriodicJobs()) {
            jobs.every(Duration.ofMillis(20), "count", threeRuns::countDown);

            assertThat(threeRuns.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void When_JobThrows_Expect_ItRunsAgainAtItsNextTurn() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch secondRun = new CountDownLatch(2);
        try (PeriodicJobs jobs = new PeriodicJobs()) {
            jobs.every(Duration.ofMillis(20), "failing", () -> {
                runs.incrementAndGet();
                secondRun.countDown();
                throw new IllegalStateException("database away");
            });

            assertThat(secondRun.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(runs.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void When_IntervalIsZero_Expect_JobNeverRuns() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (PeriodicJobs jobs = new PeriodicJobs()) {
            jobs.every(Duration.ZERO, "off", runs::incrementAndGet);
            jobs.every(Duration.ofMillis(10), "marker", () -> { });
            Thread.sleep(100);
        }
        assertThat(runs.get()).isZero();
    }

    @Test
    void When_Closed_Expect_NoMoreRuns() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        PeriodicJobs jobs = new PeriodicJobs();
        jobs.every(Duration.ofMillis(10), "count", runs::incrementAndGet);
        Thread.sleep(50);
        jobs.close();
        int afterClose = runs.get();
        Thread.sleep(60);

        assertThat(runs.get()).isEqualTo(afterClose);
    }
}
