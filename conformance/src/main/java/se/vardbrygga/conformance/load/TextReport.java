package se.vardbrygga.conformance.load;

import java.util.Locale;

/** Renders a {@link LoadResult} as a plain-text table. */
public final class TextReport {

    private static final String ROW = "%-10s %10s %8s %10s %9s %9s %9s %9s%n";

    private TextReport() {
    }

    public static String render(LoadResult result) {
        LoadConfig config = result.config();
        StringBuilder out = new StringBuilder();
        out.append(format("scenario %s against %s: %d threads, %s, warm-up %d s, measured %.1f s%n",
                config.scenario(), config.baseUrl(), config.threads(),
                config.steady() ? format("steady %.0f iterations/s", config.rate()) : "maximal rate",
                config.warmup().toSeconds(), result.measuredSeconds()));
        out.append(format("warm-up: %d requests, %d errors (not in the figures below)%n",
                result.warmupRequests(), result.warmupErrors()));
        if (result.unfinishedWorkers() > 0) {
            out.append(format("WARNING: %d worker(s) did not stop in time; their figures are missing%n",
                    result.unfinishedWorkers()));
        }
        if (result.lateIterations() > 0) {
            out.append(format("WARNING: %d iteration(s) started more than %d ms late: the server did not keep up with the rate%n",
                    result.lateIterations(), Pacer.LATE_MILLIS));
        }
        out.append(System.lineSeparator());
        out.append(format(ROW, "operation", "ok", "errors", "ops/s", "p50 ms", "p90 ms", "p99 ms", "max ms"));
        for (OperationSummary op : result.operations()) {
            out.append(format(ROW, op.name(), op.count(), op.errors(), format("%.2f", op.throughput()),
                    millis(op.p50Millis()), millis(op.p90Millis()), millis(op.p99Millis()), millis(op.maxMillis())));
        }
        if (result.operations().isEmpty()) {
            out.append(format("(no requests in the measured phase)%n"));
        }
        for (OperationSummary op : result.operations()) {
            op.errorReasons().entrySet().stream()
                    .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> out.append(format("  %s error: %s x %d%n", op.name(), e.getKey(), e.getValue())));
        }
        out.append(System.lineSeparator());
        out.append(format("total errors: %d%n", result.totalErrors()));
        return out.toString();
    }

    private static String millis(double value) {
        return format("%.3f", value);
    }

    /** Locale.ROOT: a decimal point regardless of the machine's locale (sv_SE would print a comma). */
    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
