package se.vardbrygga.conformance.load;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link LoadResult} as a JSON summary (plain string building, no library). The token is never written. */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(LoadResult result) {
        LoadConfig config = result.config();
        StringBuilder json = new StringBuilder();
        json.append("{\n");
        json.append("  \"scenario\": ").append(string(config.scenario())).append(",\n");
        json.append("  \"baseUrl\": ").append(string(config.baseUrl())).append(",\n");
        json.append("  \"threads\": ").append(config.threads()).append(",\n");
        json.append("  \"ratePerSecond\": ").append(config.steady() ? number(config.rate()) : "null").append(",\n");
        json.append("  \"lateIterations\": ").append(result.lateIterations()).append(",\n");
        json.append("  \"warmupSeconds\": ").append(config.warmup().toSeconds()).append(",\n");
        json.append("  \"measuredSeconds\": ").append(number(result.measuredSeconds())).append(",\n");
        json.append("  \"warmup\": {\"requests\": ").append(result.warmupRequests())
                .append(", \"errors\": ").append(result.warmupErrors()).append("},\n");
        json.append("  \"unfinishedWorkers\": ").append(result.unfinishedWorkers()).append(",\n");
        json.append("  \"totalErrors\": ").append(result.totalErrors()).append(",\n");
        json.append("  \"operations\": [");
        Iterator<OperationSummary> ops = result.operations().iterator();
        while (ops.hasNext()) {
            OperationSummary op = ops.next();
            json.append("\n    {\"name\": ").append(string(op.name()))
                    .append(", \"count\": ").append(op.count())
                    .append(", \"errors\": ").append(op.errors())
                    .append(", \"throughputPerSecond\": ").append(number(op.throughput()))
                    .append(", \"latencyMs\": {\"p50\": ").append(number(op.p50Millis()))
                    .append(", \"p90\": ").append(number(op.p90Millis()))
                    .append(", \"p99\": ").append(number(op.p99Millis()))
                    .append(", \"max\": ").append(number(op.maxMillis())).append("}")
                    .append(", \"errorReasons\": ").append(reasons(op.errorReasons())).append("}");
            if (ops.hasNext()) {
                json.append(",");
            }
        }
        json.append(result.operations().isEmpty() ? "]\n" : "\n  ]\n");
        json.append("}\n");
        return json.toString();
    }

    private static String reasons(Map<String, Long> reasons) {
        StringBuilder json = new StringBuilder("{");
        Iterator<Map.Entry<String, Long>> entries = reasons.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).iterator();
        while (entries.hasNext()) {
            Map.Entry<String, Long> entry = entries.next();
            json.append(string(entry.getKey())).append(": ").append(entry.getValue());
            if (entries.hasNext()) {
                json.append(", ");
            }
        }
        return json.append("}").toString();
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "null";
    }

    static String string(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
