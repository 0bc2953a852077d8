package se.vardbrygga.conformance.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunWindowTest {

    @Test
    void When_TimeAdvances_Expect_WarmupThenMeasureThenOver() {
        RunWindow window = RunWindow.startingAt(1_000, Duration.ofNanos(100), Duration.ofNanos(50));

        assertThat(window.phaseAt(1_000)).isEqualTo(RunWindow.Phase.WARMUP);
        assertThat(window.phaseAt(1_099)).isEqualTo(RunWindow.Phase.WARMUP);
        assertThat(window.phaseAt(1_100)).isEqualTo(RunWindow.Phase.MEASURE);
        assertThat(window.phaseAt(1_149)).isEqualTo(RunWindow.Phase.MEASURE);
        assertThat(window.phaseAt(1_150)).isEqualTo(RunWindow.Phase.OVER);
    }

    @Test
    void When_NanoTimeWraps_Expect_PhasesStillCorrect() {
        // measurement starts at MAX - 5 and ends 20 ns later, i.e. at MIN + 14 after wrapping
        RunWindow window = RunWindow.startingAt(Long.MAX_VALUE - 10, Duration.ofNanos(5), Duration.ofNanos(20));

        assertThat(window.phaseAt(Long.MAX_VALUE - 8)).isEqualTo(RunWindow.Phase.WARMUP);
        assertThat(window.phaseAt(Long.MAX_VALUE)).isEqualTo(RunWindow.Phase.MEASURE);
        assertThat(window.phaseAt(Long.MIN_VALUE + 13)).isEqualTo(RunWindow.Phase.MEASURE);
        assertThat(window.phaseAt(Long.MIN_VALUE + 14)).isEqualTo(RunWindow.Phase.OVER);
    }

    @Test
    void When_WarmupZero_Expect_MeasuredImmediately() {
        RunWindow window = RunWindow.startingAt(0, Duration.ZERO, Duration.ofSeconds(2));

        assertThat(window.phaseAt(0)).isEqualTo(RunWindow.Phase.MEASURE);
        assertThat(window.measuredSeconds()).isEqualTo(2.0);
    }
}
