package se.vardbrygga.conformance.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.vardbrygga.conformance.suite.ActionResult;
import se.vardbrygga.conformance.suite.Exchange;
import se.vardbrygga.conformance.suite.Outcome;
import se.vardbrygga.conformance.suite.ScriptResult;
import se.vardbrygga.conformance.suite.SuiteResult;
import se.vardbrygga.conformance.suite.TestResult;

/**
 * Writes {@code report.html}: the run as one self-contained page a person reads to see why a server failed, down to
 * every request and answer. It needs no network and no JavaScript (inline CSS, {@code <details>} to fold), so it can
 * be attached to a ticket or opened from a CI artifact as it is.
 *
 * <p>Every text the page shows passes {@link Masking} and is then HTML-escaped, so neither tokens nor personnummer
 * nor markup from a server's answer reach the page. Failed and erred tests are unfolded, transcripts folded.
 */
public final class HtmlReport {

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:1.5em;color:#1f2328}
            h1{margin:0 0 .4em}h2{margin:1.6em 0 .3em;font-size:1.25em}h3{font-size:1em;margin:1em 0 .3em;color:#57606a}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;margin:0 0 1em}dt{font-weight:600}dd{margin:0}
            .badge{display:inline-block;min-width:4.5em;text-align:center;padding:.05em .5em;border-radius:1em;color:#fff;font-size:.8em;font-weight:700;text-transform:uppercase;vertical-align:middle}
            .pass{background:#1a7f37}.warning{background:#9a6700}.skip{background:#6e7781}.fail{background:#cf222e}.error{background:#8250df}
            .counts .badge{min-width:6em;margin-right:.4em}
            section.script{border:1px solid #d0d7de;border-radius:6px;padding:0 1em 1em;margin:1.2em 0}
            details.test{border-top:1px solid #eaeef2;padding:.4em 0}details.test>summary{cursor:pointer;font-weight:600}
            .rule{font:12px monospace;background:#eaeef2;border-radius:3px;padding:0 .3em;margin-left:.3em}
            .meta{color:#57606a}.reason{color:#6e7781;font-style:italic}
            ol.actions{margin:.3em 0;padding-left:1.6em}ol.actions li{margin:.25em 0}
            details.exchange>summary{cursor:pointer;font-family:monospace;color:#0969da}
            pre{background:#f6f8fa;border:1px solid #d0d7de;border-radius:4px;padding:.6em;overflow-x:auto;white-space:pre-wrap;word-break:break-all;margin:.3em 0}
            """;

    private HtmlReport() {
    }

    /** Writes {@code dir/report.html} and returns it. */
    public static Path write(SuiteResult suite, Path dir) throws IOException {
        Path file = Files.createDirectories(dir).resolve("report.html");
        Files.writeString(file, render(suite), StandardCharsets.UTF_8);
        return file;
    }

    /** The whole page. */
    public static String render(SuiteResult suite) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Vårdbrygga conformance report – ").append(h(suite.baseUrl())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header(html, suite);
        omitted(html, suite.omitted());
        suite.scripts().forEach(script -> script(html, script));
        return html.append("</body>\n</html>\n").toString();
    }

    private static void header(StringBuilder html, SuiteResult suite) {
        long millis = suite.scripts().stream().mapToLong(ScriptResult::millis).sum();
        boolean passed = suite.passed(false);
        html.append("<header>\n<h1>Vårdbrygga conformance report</h1>\n<dl>\n")
                .append("<dt>Server</dt><dd>").append(h(suite.baseUrl())).append("</dd>\n")
                .append("<dt>Started</dt><dd>").append(h(String.valueOf(suite.started()))).append("</dd>\n")
                .append("<dt>Duration</dt><dd>").append(seconds(millis)).append("</dd>\n")
                .append("<dt>Scripts</dt><dd>").append(suite.scripts().size()).append("</dd>\n")
                .append("<dt>Result</dt><dd><span class=\"badge ").append(passed ? "pass" : "fail").append("\">")
                .append(passed ? "passed" : "failed").append("</span></dd>\n</dl>\n<p class=\"counts\">");
        for (Map.Entry<Outcome, Integer> count : suite.counts().entrySet()) {
            html.append("<span class=\"badge ").append(count.getKey().code()).append("\">")
                    .append(count.getKey().code()).append(' ').append(count.getValue()).append("</span>");
        }
        html.append("</p>\n</header>\n");
    }

    private static void omitted(StringBuilder html, List<String> omitted) {
        html.append("<section id=\"omitted\">\n<h2>Omitted: not claimed by the CapabilityStatement</h2>\n");
        if (omitted.isEmpty()) {
            html.append("<p class=\"meta\">Nothing: the server claims everything the suite tests.</p>\n");
        } else {
            html.append("<ul>\n");
            omitted.forEach(item -> html.append("<li>").append(h(item)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("</section>\n");
    }

    private static void script(StringBuilder html, ScriptResult script) {
        html.append("<section class=\"script\" id=\"").append(h(script.id())).append("\">\n<h2>")
                .append(badge(script.outcome())).append(' ').append(h(script.title()))
                .append(" <span class=\"meta\">").append(h(script.id())).append("</span></h2>\n")
                .append("<p class=\"meta\">").append(h(script.url())).append(" · ").append(seconds(script.millis()))
                .append("</p>\n");
        actions(html, "Setup", script.setup());
        for (TestResult test : script.tests()) {
            boolean open = test.outcome() == Outcome.FAIL || test.outcome() == Outcome.ERROR;
            html.append("<details class=\"test\"").append(open ? " open" : "").append(">\n<summary>")
                    .append(badge(test.outcome())).append(' ').append(h(test.name()));
            test.rules().forEach(rule -> html.append("<span class=\"rule\">").append(h(rule)).append("</span>"));
            html.append(" <span class=\"meta\">").append(seconds(test.millis())).append("</span></summary>\n");
            if (test.description() != null && !test.description().isBlank()) {
                html.append("<p>").append(h(test.description())).append("</p>\n");
            }
            if (test.outcome() == Outcome.SKIP) {
                html.append("<p class=\"reason\">Skipped: ").append(h(test.skipReason())).append("</p>\n");
            }
            actions(html, null, test.actions());
            html.append("</details>\n");
        }
        actions(html, "Teardown", script.teardown());
        html.append("</section>\n");
    }

    private static void actions(StringBuilder html, String heading, List<ActionResult> actions) {
        if (actions.isEmpty()) {
            return;
        }
        if (heading != null) {
            html.append("<h3>").append(heading).append("</h3>\n");
        }
        html.append("<ol class=\"actions\">\n");
        for (ActionResult action : actions) {
            html.append("<li>").append(badge(action.outcome())).append(" <b>")
                    .append(action.kind().name().toLowerCase(Locale.ROOT)).append("</b> ").append(h(action.label()));
            if (action.message() != null && !action.message().isBlank()) {
                html.append(" — ").append(h(action.message()));
            }
            action.exchange().ifPresent(exchange -> exchange(html, exchange));
            html.append("</li>\n");
        }
        html.append("</ol>\n");
    }

    private static void exchange(StringBuilder html, Exchange x) {
        String answer = x.status() == 0 ? "no answer" : Integer.toString(x.status());
        html.append("\n<details class=\"exchange\"><summary>").append(h(x.method())).append(' ').append(h(x.url()))
                .append(" → ").append(answer).append(" (").append(x.millis()).append(" ms)</summary>\n")
                .append("<pre>").append(h(x.method())).append(' ').append(h(x.url())).append('\n');
        headers(html, x.requestHeaders());
        body(html, x.requestBody());
        html.append("</pre>\n<pre>").append(x.status() == 0 ? "No answer" : "HTTP " + x.status()).append('\n');
        headers(html, x.responseHeaders());
        body(html, x.responseBody());
        html.append("</pre>\n</details>\n");
    }

    private static void headers(StringBuilder html, Map<String, List<String>> headers) {
        Masking.headers(headers).forEach((name, values) -> values.forEach(value ->
                html.append(escape(name == null ? "" : name)).append(": ").append(escape(value)).append('\n')));
    }

    private static void body(StringBuilder html, String body) {
        if (body != null && !body.isEmpty()) {
            html.append('\n').append(h(PrettyJson.format(body)));
        }
    }

    private static String badge(Outcome outcome) {
        return "<span class=\"badge " + outcome.code() + "\">" + outcome.code() + "</span>";
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }

    /** Masked, then escaped: the form every shown text takes. */
    static String h(String text) {
        return escape(Masking.text(text));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
