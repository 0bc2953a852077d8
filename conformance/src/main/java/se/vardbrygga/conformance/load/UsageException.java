package se.vardbrygga.conformance.load;

/** Bad command-line arguments; the runner prints usage and exits with {@link LoadRunner#EXIT_USAGE}. */
public final class UsageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
