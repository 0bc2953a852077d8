package se.vardbrygga.conformance.load;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code read}: GET Task by id (expect 200) over a pool of {@value #POOL_SIZE} Tasks that the scenario
 * creates first (recorded as {@code seed}, normally inside the warm-up). Records {@code read}. Thread-safe.
 */
public final class ReadScenario implements Scenario {

    public static final String NAME = "read";
    static final String SEED = "seed";
    static final int POOL_SIZE = 200;

    private final List<String> pool = new CopyOnWriteArrayList<>();

    @Override
    public void iterate(ScenarioContext context) throws InterruptedException {
        if (pool.size() < POOL_SIZE) {
            CreateScenario.createTask(context, SEED).ifPresent(pool::add);
            return;
        }
        String id = pool.get(ThreadLocalRandom.current().nextInt(pool.size()));
        HttpRequest read = context.request("Task/" + id).GET().build();
        context.exchange(CreateReadScenario.READ, read, ResponseCheck.status(200));
    }
}
