package se.vardbrygga.conformance.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void When_OneToHundred_Expect_PercentileEqualsRank() {
        long[] samples = LongStream.rangeClosed(1, 100).toArray();

        assertThat(Percentiles.nearestRank(samples, 50)).isEqualTo(50);
        assertThat(Percentiles.nearestRank(samples, 90)).isEqualTo(90);
        assertThat(Percentiles.nearestRank(samples, 99)).isEqualTo(99);
        assertThat(Percentiles.nearestRank(samples, 100)).isEqualTo(100);
        assertThat(Percentiles.nearestRank(samples, 0.1)).isEqualTo(1);
    }

    @Test
    void When_TenSamples_Expect_NearestRankRoundsUp() {
        long[] samples = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};

        assertThat(Percentiles.nearestRank(samples, 50)).isEqualTo(50);
        assertThat(Percentiles.nearestRank(samples, 51)).isEqualTo(60);
        assertThat(Percentiles.nearestRank(samples, 90)).isEqualTo(90);
        assertThat(Percentiles.nearestRank(samples, 99)).isEqualTo(100);
    }

    @Test
    void When_BinaryFractionWouldOvershoot_Expect_ExactRank() {
        long[] samples = LongStream.rangeClosed(1, 1000).toArray();

        assertThat(Percentiles.nearestRank(samples, 99.9)).isEqualTo(999);
        assertThat(Percentiles.nearestRank(samples, 99)).isEqualTo(990);
    }

    @Test
    void When_OneSample_Expect_ItForEveryPercentile() {
        long[] samples = {7};

        assertThat(Percentiles.nearestRank(samples, 1)).isEqualTo(7);
        assertThat(Percentiles.nearestRank(samples, 50)).isEqualTo(7);
        assertThat(Percentiles.nearestRank(samples, 100)).isEqualTo(7);
    }

    @Test
    void When_NoSamples_Expect_Zero() {
        assertThat(Percentiles.nearestRank(new long[0], 99)).isZero();
    }

    @Test
    void When_PercentileOutOfRange_Expect_Exception() {
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 100.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void When_RecordersMerged_Expect_SortedMicrosAndSummedErrors() {
        OperationRecorder a = new OperationRecorder();
        OperationRecorder b = new OperationRecorder();
        for (int i = 300; i >= 1; i--) {
            a.recordLatency(i * 1_000_000L); // i ms, more than the initial capacity
        }
        b.recordLatency(500_000);
        b.recordError("HTTP 500 (expected 201)");
        b.recordError("HTTP 500 (expected 201)");

        OperationRecorder.Merged merged = OperationRecorder.merge(java.util.List.of(a, b));
        OperationSummary summary = OperationSummary.of("create", merged, 2.0);

        assertThat(merged.sortedMicros()).hasSize(301).isSorted();
        assertThat(merged.sortedMicros()[0]).isEqualTo(500);
        assertThat(summary.count()).isEqualTo(301);
        assertThat(summary.errors()).isEqualTo(2);
        assertThat(summary.throughput()).isEqualTo(150.5);
        assertThat(summary.p50Millis()).isEqualTo(150.0);
        assertThat(summary.maxMillis()).isEqualTo(300.0);
        assertThat(summary.errorReasons()).containsEntry("HTTP 500 (expected 201)", 2L);
    }

    @Test
    void When_ManyDistinctReasons_Expect_OverflowCountedAsOther() {
        OperationRecorder recorder = new OperationRecorder();
        for (int i = 0; i < OperationRecorder.MAX_REASONS + 5; i++) {
            recorder.recordError("reason " + i);
        }

        OperationRecorder.Merged merged = OperationRecorder.merge(java.util.List.of(recorder));

        assertThat(merged.errors()).isEqualTo(OperationRecorder.MAX_REASONS + 5);
        assertThat(merged.errorReasons()).hasSize(OperationRecorder.MAX_REASONS + 1)
                .containsEntry(OperationRecorder.OTHER_REASONS, 5L);
    }
}
