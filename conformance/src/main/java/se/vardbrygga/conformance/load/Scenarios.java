package se.vardbrygga.conformance.load;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** The registry of named scenarios. Add new scenarios here. */
public final class Scenarios {

    private static final Map<String, Supplier<Scenario>> BY_NAME = Map.of(
            HandoverScenario.NAME, HandoverScenario::new,
            CreateReadScenario.NAME, CreateReadScenario::new,
            CreateScenario.NAME, CreateScenario::new,
            ReadScenario.NAME, ReadScenario::new);

    private Scenarios() {
    }

    /** Scenario names, sorted. */
    public static Set<String> names() {
        return new TreeSet<>(BY_NAME.keySet());
    }

    /** A fresh instance of the named scenario. */
    public static Optional<Scenario> create(String name) {
        return Optional.ofNullable(BY_NAME.get(name)).map(Supplier::get);
    }
}
