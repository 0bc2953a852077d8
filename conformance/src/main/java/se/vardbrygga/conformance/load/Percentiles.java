package se.vardbrygga.conformance.load;

/** Nearest-rank percentiles over sorted samples. */
public final class Percentiles {

    /** Guards against ceil() of values like 999.0000000000001 that stem from binary fractions. */
    private static final double EPSILON = 1e-9;

    private Percentiles() {
    }

    /**
     * The nearest-rank percentile: the smallest sample such that at least {@code percentile}% of the samples are less
     * than or equal to it.
     *
     * @param sortedAscending samples, sorted ascending
     * @param percentile      in (0, 100]
     * @return the sample, or 0 if there are none
     */
    public static long nearestRank(long[] sortedAscending, double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + percentile);
        }
        int n = sortedAscending.length;
        if (n == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(percentile * n / 100.0 - EPSILON);
        int index = (int) Math.min(n, Math.max(1, rank)) - 1;
        return sortedAscending[index];
    }
}
