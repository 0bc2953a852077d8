package se.vardbrygga.conformance.load;

import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.Optional;

/** Decides whether a response counts as a success; a present problem is recorded as the error reason. */
@FunctionalInterface
public interface ResponseCheck {

    /** Empty if the response is acceptable, otherwise a short, low-cardinality reason such as {@code HTTP 500}. */
    Optional<String> problem(HttpResponse<String> response);

    /** Accepts exactly the given status code. */
    static ResponseCheck status(int expected) {
        return response -> response.statusCode() == expected
                ? Optional.empty()
                : Optional.of("HTTP " + response.statusCode() + " (expected " + expected + ")");
    }

    /** This check, then {@code next} if this one passed. */
    default ResponseCheck and(ResponseCheck next) {
        Objects.requireNonNull(next, "next");
        return response -> {
            Optional<String> problem = problem(response);
            return problem.isPresent() ? problem : next.problem(response);
        };
    }
}
