package se.vardbrygga.adapter.search;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;

/**
 * Turns FHIR dates into closed millisecond ranges: "2026-11" is the whole of November, an open
 * period end runs to the end of time. This is what makes date prefixes precise (FHIR R4 3.1.1.5.6).
 */
public final class DateRanges {
    public static final long MIN = Long.MIN_VALUE / 2;
    public static final long MAX = Long.MAX_VALUE / 2;

    private DateRanges() {
    }

    public static long[] of(BaseDateTimeType value) {
        long low = value.getValue().getTime();
        TemporalPrecisionEnum precision = value.getPrecision();
        long high = precision.add(value.getValue(), 1).getTime() - 1;
        return new long[] {low, high};
    }

    public static long[] of(Period period) {
        long low = period.hasStart() ? of(period.getStartElement())[0] : MIN;
        long high = period.hasEnd() ? of(period.getEndElement())[1] : MAX;
        return new long[] {low, high};
    }

    /** Parses a search value such as {@code 2026-11-25} or {@code 2026-11-25T10:00:00Z}. */
    public static long[] parse(String value) {
        DateTimeType parsed = new DateTimeType();
        parsed.setValueAsString(value);
        return of(parsed);
    }
}
