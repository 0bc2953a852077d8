package se.vardbrygga.conformance.load;

/**
 * A load scenario: one iteration of client behaviour, repeated by every worker thread until the run ends.
 *
 * <p>Implementations send every request through {@link ScenarioContext#exchange}, which times, records and bounds
 * them. A scenario instance is shared by all workers of a run and must therefore be stateless or thread-safe. To add
 * a scenario, implement this interface and register it in {@link Scenarios}.
 */
@FunctionalInterface
public interface Scenario {

    /**
     * Runs one iteration. Failed exchanges are already recorded as errors by the context; the iteration should just
     * stop (return) when a step it depends on failed.
     */
    void iterate(ScenarioContext context) throws InterruptedException;
}
