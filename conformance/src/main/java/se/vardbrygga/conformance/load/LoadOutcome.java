package se.vardbrygga.conformance.load;

import java.util.Optional;

/**
 * What {@link LoadRunner#execute} produced: the exit code, and the result if a run took place.
 */
public record LoadOutcome(int exitCode, Optional<LoadResult> result) {
}
