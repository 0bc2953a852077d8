package se.vardbrygga.conformance.report;

/**
 * Re-indents a JSON body for a transcript, so that a minified FHIR resource can be read. It works on the characters
 * only and never parses: what the server sent is shown exactly, element order, unknown elements and number spelling
 * included, which a parse and re-encode through a FHIR model would not do. Anything that does not look like JSON
 * (unbalanced brackets, an unterminated string, characters JSON has no place for) comes back unchanged.
 */
final class PrettyJson {

    private static final String INDENT = "  ";

    private PrettyJson() {
    }

    static String format(String text) {
        if (text == null) {
            return "";
        }
        String body = text.strip();
        if (body.isEmpty() || !(body.charAt(0) == '{' || body.charAt(0) == '[')) {
            return text;
        }
        StringBuilder out = new StringBuilder(body.length() * 2);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < body.length()) {
                    out.append(body.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    depth++;
                    out.append(c);
                    int next = nextNonBlank(body, i + 1);
                    if (next < body.length() && body.charAt(next) == (c == '{' ? '}' : ']')) {
                        out.append(body.charAt(next));
                        depth--;
                        i = next;
                    } else {
                        newline(out, depth);
                    }
                }
                case '}', ']' -> {
                    if (--depth < 0) {
                        return text;
                    }
                    newline(out, depth);
                    out.append(c);
                }
                case ',' -> {
                    out.append(c);
                    newline(out, depth);
                }
                case ':' -> out.append(": ");
                case ' ', '\t', '\r', '\n' -> { }
                default -> {
                    if (!(Character.isLetterOrDigit(c) || c == '-' || c == '+' || c == '.')) {
                        return text;
                    }
                    out.append(c);
                }
            }
            if (depth == 0 && !inString && nextNonBlank(body, i + 1) < body.length()) {
                return text;
            }
        }
        return depth == 0 && !inString ? out.toString() : text;
    }

    private static int nextNonBlank(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void newline(StringBuilder out, int depth) {
        out.append('\n').append(INDENT.repeat(depth));
    }
}
