package se.vardbrygga.conformance.suite;

/**
 * The result of an action, a test or a script, kept apart as the suite reports them: {@code PASS}; {@code FAIL} (the
 * server answered, but not as the profile or rule demands); {@code SKIP} (not run, and why: the server does not claim
 * what it needs, or an earlier step it needs did not pass); {@code ERROR} (the test could not be carried out: no
 * connection, an answer that is not FHIR, a broken script); {@code WARNING} (an assert marked warning-only failed).
 */
public enum Outcome {
    PASS, WARNING, SKIP, FAIL, ERROR;

    /** The worse of two outcomes, in the order PASS < WARNING < SKIP < FAIL < ERROR. */
    public Outcome worse(Outcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The code of TestReport's result (pass | fail | pending) and of its action results (pass | skip | fail | warning | error). */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
