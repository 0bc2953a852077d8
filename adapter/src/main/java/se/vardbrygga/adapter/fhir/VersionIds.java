package se.vardbrygga.adapter.fhir;

/** Version ids are positive integers; anything else is a 400 naming where it came from. */
final class VersionIds {
    private VersionIds() {
    }

    static int parse(String versionId, String where) {
        try {
            int v = Integer.parseInt(versionId);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Outcomes.invalid("Version id must be a positive integer, got '" + versionId + "'", where);
    }
}
