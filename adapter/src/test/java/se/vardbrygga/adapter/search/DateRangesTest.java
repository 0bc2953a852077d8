package se.vardbrygga.adapter.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.parser.DataFormatException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values without a time zone are local time, so the expected ranges use the JVM's zone too. */
class DateRangesTest {

    @Test
    void When_Year_Expect_WholeYear() {
        assertThat(DateRanges.parse("2026")).containsExactly(
                local(2026, 1, 1, 0, 0, 0), local(2027, 1, 1, 0, 0, 0) - 1);
    }

    @Test
    void When_Month_Expect_WholeMonth() {
        assertThat(DateRanges.parse("2026-02")).containsExactly(
                local(2026, 2, 1, 0, 0, 0), local(2026, 3, 1, 0, 0, 0) - 1);
    }

    @Test
    void When_Day_Expect_WholeDay() {
        assertThat(DateRanges.parse("2026-11-25")).containsExactly(
                local(2026, 11, 25, 0, 0, 0), local(2026, 11, 26, 0, 0, 0) - 1);
    }

    @Test
    void When_SecondWithZone_Expect_ThatSecond() {
        long start = Instant.parse("2026-11-25T09:15:30Z").toEpochMilli();

        assertThat(DateRanges.parse("2026-11-25T10:15:30+01:00")).containsExactly(start, start + 999);
        assertThat(DateRanges.parse("2026-11-25T09:15:30Z")).containsExactly(start, start + 999);
    }

    @Test
    void When_Milliseconds_Expect_SingleInstant() {
        long instant = Instant.parse("2026-11-25T09:15:30.123Z").toEpochMilli();

        assertThat(DateRanges.parse("2026-11-25T09:15:30.123Z")).containsExactly(instant, instant);
    }

    @Test
    void When_PeriodWithoutStart_Expect_LowIsMin() {
        Period period = new Period().setEndElement(new DateTimeType("2026-11-25"));

        assertThat(DateRanges.of(period)).containsExactly(DateRanges.MIN, local(2026, 11, 26, 0, 0, 0) - 1);
    }

    @Test
    void When_PeriodWithoutEnd_Expect_HighIsMax() {
        Period period = new Period().setStartElement(new DateTimeType("2026-11-25T08:00:00Z"));

        assertThat(DateRanges.of(period)).containsExactly(
                Instant.parse("2026-11-25T08:00:00Z").toEpochMilli(), DateRanges.MAX);
    }

    @Test
    void When_PeriodWithBothEnds_Expect_StartOfStartToEndOfEnd() {
        Period period = new Period()
                .setStartElement(new DateTimeType("2026-11"))
                .setEndElement(new DateTimeType("2026-12-03"));

        assertThat(DateRanges.of(period)).containsExactly(
                local(2026, 11, 1, 0, 0, 0), local(2026, 12, 4, 0, 0, 0) - 1);
    }

    @Test
    void When_OpenEnds_Expect_StillOrderableWithoutOverflow() {
        assertThat(DateRanges.MIN).isLessThan(local(1, 1, 1, 0, 0, 0));
        assertThat(DateRanges.MAX).isGreaterThan(local(9999, 12, 31, 23, 59, 59));
        assertThat(DateRanges.MAX - DateRanges.MIN).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01", "2026-02-30", "yesterday", "2026-11-25T10:00"})
    void When_NotAFhirDate_Expect_DataFormatException(String value) {
        assertThatThrownBy(() -> DateRanges.parse(value)).isInstanceOf(DataFormatException.class);
    }

    private static long local(int year, int month, int day, int hour, int minute, int second) {
        return LocalDateTime.of(year, month, day, hour, minute, second)
                .atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }
}
