package se.vardbrygga.conformance.load;

/**
 * One worker thread's loop: iterate the scenario, at the pacer's times, until the run is over or the thread is
 * interrupted.
 */
final class Worker implements Runnable {

    private final String scenarioName;
    private final Scenario scenario;
    private final ScenarioContext context;
    private final RunWindow window;
    private final Pacer pacer;

    Worker(String scenarioName, Scenario scenario, ScenarioContext context, RunWindow window, Pacer pacer) {
        this.scenarioName = scenarioName;
        this.scenario = scenario;
        this.context = context;
        this.window = window;
        this.pacer = pacer;
    }

    @Override
    public void run() {
        while (window.phaseAt(System.nanoTime()) != RunWindow.Phase.OVER && !Thread.currentThread().isInterrupted()) {
            try {
                pacer.awaitSlot();
                scenario.iterate(context);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                context.scenarioFailed(scenarioName, e);
            }
        }
    }
}
