package se.vardbrygga.conformance.load;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Extracts the logical id from a FHIR {@code Location} header such as {@code .../Task/123/_history/1}. */
public final class FhirLocation {

    /** FHIR R4 id: 1-64 of {@code [A-Za-z0-9\-.]}. */
    private static final Pattern ID_AFTER_TYPE =
            Pattern.compile("(?:^|/)([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})(?:/_history/[A-Za-z0-9\\-.]{1,64})?/?$");

    private FhirLocation() {
    }

    /** The id if the location points at an instance of {@code resourceType} (absolute or relative, query ignored). */
    public static Optional<String> idOf(String resourceType, String location) {
        if (location == null) {
            return Optional.empty();
        }
        String path = location.trim();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        Matcher matcher = ID_AFTER_TYPE.matcher(path);
        if (!matcher.find() || !matcher.group(1).equals(resourceType)) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(2));
    }
}
