package se.vardbrygga.conformance.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request body kept as a JSON file beside the code ({@code /load/*.json}) with {@code ${name}} placeholders. The
 * values are server ids, HSA-ids, UUIDs and dates, which need no JSON escaping; {@link #fill} refuses any other.
 */
final class JsonTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9:/.+_-]*");

    private final String name;
    private final String text;

    private JsonTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static JsonTemplate load(String resource) {
        try (InputStream in = JsonTemplate.class.getResourceAsStream("/load/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing template /load/" + resource);
            }
            return new JsonTemplate(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Now as a FHIR dateTime/instant, always with seconds and milliseconds: {@code OffsetDateTime.toString()} leaves the
     * seconds out when they are zero ({@code 2026-11-25T17:19Z}), which FHIR does not allow.
     */
    static String now() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
                .format(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
    }

    /** The body with every placeholder replaced; a placeholder without a value or an unsafe value is a bug. */
    String fill(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null || !SAFE.matcher(value).matches()) {
                throw new IllegalArgumentException(name + ": no safe value for ${" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }
}
