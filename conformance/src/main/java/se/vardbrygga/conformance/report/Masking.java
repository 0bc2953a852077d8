package se.vardbrygga.conformance.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets and identities in everything a report shows, because reports are attached to CI runs and tickets
 * where neither the suite's credentials nor the (test) patients' identities belong. Reports pass every header, body,
 * message and URL through here before they write it.
 *
 * <p>The scheme:
 * <ul>
 *   <li>{@code Authorization} and {@code Proxy-Authorization} header values keep their scheme only
 *       ({@code Bearer ***}); {@code Cookie} and {@code Set-Cookie} become {@code ***}.</li>
 *   <li>In text, what follows {@code Authorization:} or {@code Authorization=} (quoted or not, as in a logged or
 *       JSON-rendered header) is masked the same way.</li>
 *   <li>The values of {@code access_token}, {@code refresh_token}, {@code id_token}, {@code client_secret} and
 *       {@code client_assertion} become {@code ***}, in JSON ({@code "access_token": "***"}) and in form bodies or
 *       query strings ({@code access_token=***}).</li>
 *   <li>A JWT (a JSON header, i.e. base64url starting with {@code eyJ}, then two more base64url parts separated by
 *       dots) anywhere in text becomes {@code ***}.</li>
 *   <li>A Swedish personnummer or samordningsnummer (day + 60) keeps its birth year, as written, and its separator;
 *       every other digit becomes {@code X}: {@code 194403279823 → 1944XXXXXXXX}, {@code 19440327-9823 →
 *       1944XXXX-XXXX}, {@code 440327-9823 → 44XXXX-XXXX}, {@code 440327+9823 → 44XXXX+XXXX}. Recognised are
 *       {@code YYYYMMDDNNNN} and {@code YYYYMMDD-NNNN} with century 18–20, and {@code YYMMDD-NNNN}/{@code YYMMDD+NNNN},
 *       all with a plausible month and day, not inside a longer run of digits. No Luhn check: a number that merely
 *       looks like one is masked too (e.g. a compact {@code yyyyMMddHHmm} timestamp), which is the safe mistake.
 *       Ten digits without separator are left alone: too many other numbers look like that.</li>
 * </ul>
 * HSA-ids ({@code SE2321009918-VB1012}) and UUIDs are never touched, not even where their digits happen to look like
 * a personnummer; ISO timestamps and OIDs do not match the patterns above.
 */
public final class Masking {

    /** What replaces a secret. */
    public static final String MASK = "***";

    private static final Set<String> SCHEME_HEADERS = Set.of("authorization", "proxy-authorization");
    private static final Set<String> SECRET_HEADERS = Set.of("cookie", "set-cookie");

    private static final String FIELDS = "access_token|refresh_token|id_token|client_secret|client_assertion";
    private static final Pattern JSON_FIELD = Pattern.compile("(\"(?:" + FIELDS + ")\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")");
    private static final Pattern FORM_FIELD = Pattern.compile("(?<![\\w-])((?:" + FIELDS + ")=)[^&\\s\"']*");
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i)\\b((?:proxy-)?authorization[\"']?\\s*[:=]\\s*[\"']?)(?>(?:([a-z][\\w-]*) +)?)(?!\\*\\*\\*)[^\\s\"',;]+");
    private static final Pattern JWT = Pattern.compile("(?<![\\w-])eyJ[\\w-]*\\.[\\w-]+\\.[\\w-]*");

    /** Tokens whose digits must not be read as a personnummer. */
    private static final Pattern PROTECTED = Pattern.compile(
            "(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b|\\bSE\\d{10,12}-[A-Za-z0-9]+");
    private static final String MONTH_DAY = "(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]|6[1-9]|[78]\\d|9[01])";
    private static final Pattern PERSONNUMMER = Pattern.compile("(?<!\\d)(?:((?:18|19|20)\\d\\d)" + MONTH_DAY
            + "([-+]?)\\d{4}|(\\d\\d)" + MONTH_DAY + "([-+])\\d{4})(?!\\d)");

    private Masking() {
    }

    /** Masks every secret and identity in free text (a body, a message, a URL); null becomes the empty string. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String masked = JSON_FIELD.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$2");
        masked = FORM_FIELD.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        masked = CREDENTIAL.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + (m.group(2) == null ? "" : m.group(2) + " ") + MASK));
        masked = JWT.matcher(masked).replaceAll(Matcher.quoteReplacement(MASK));
        return personnummer(masked);
    }

    /** Masks one header value: credentials keep their scheme only, cookies go entirely, other values as {@link #text}. */
    public static String header(String name, String value) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (SECRET_HEADERS.contains(lower)) {
            return MASK;
        }
        if (SCHEME_HEADERS.contains(lower) && value != null) {
            int space = value.strip().indexOf(' ');
            return space < 0 ? MASK : value.strip().substring(0, space) + " " + MASK;
        }
        return text(value);
    }

    /** A masked copy of a header map, in its order. */
    public static Map<String, List<String>> headers(Map<String, List<String>> headers) {
        Map<String, List<String>> masked = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> masked.put(name,
                    values == null ? List.of() : values.stream().map(v -> header(name, v)).toList()));
        }
        return masked;
    }

    /** Masks personnummer outside UUIDs and HSA-ids. */
    private static String personnummer(String text) {
        StringBuilder out = new StringBuilder(text.length());
        Matcher keep = PROTECTED.matcher(text);
        int from = 0;
        while (keep.find()) {
            out.append(personnummerIn(text.substring(from, keep.start()))).append(keep.group());
            from = keep.end();
        }
        return out.append(personnummerIn(text.substring(from))).toString();
    }

    private static String personnummerIn(String text) {
        return PERSONNUMMER.matcher(text).replaceAll(m -> {
            String year = m.group(1) != null ? m.group(1) : m.group(3);
            String separator = m.group(1) != null ? m.group(2) : m.group(4);
            String rest = separator.isEmpty() ? "X".repeat(8) : "XXXX" + separator + "XXXX";
            return year + rest;
        });
    }
}
