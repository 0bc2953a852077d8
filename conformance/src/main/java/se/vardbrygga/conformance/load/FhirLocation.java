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

    /** {@code Type/id} of the instance a location points at, whatever its type. */
    public static Optional<String> reference(String location) {
        Matcher matcher = matcher(location);
        return matcher != null ? Optional.of(matcher.group(1) + "/" + matcher.group(2)) : Optional.empty();
    }

    /** The id if the location points at an instance of {@code resourceType} (absolute or relative, query ignored). */
    public static Optional<String> idOf(String resourceType, String location) {
        Matcher matcher = matcher(location);
        return matcher != null && matcher.group(1).equals(resourceType) ? Optional.of(matcher.group(2)) : Optional.empty();
    }

    private static Matcher matcher(String location) {
        if (location == null) {
            return null;
        }
        String path = location.trim();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        Matcher matcher = ID_AFTER_TYPE.matcher(path);
        return matcher.find() ? matcher : null;
    }
}
