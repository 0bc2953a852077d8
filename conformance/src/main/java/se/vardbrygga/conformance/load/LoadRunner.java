package se.vardbrygga.conformance.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code load} command: parse arguments, run the scenario, print the table, write the JSON summary, and map the
 * outcome to an exit code. Reusable by a wider conformance CLI.
 */
public final class LoadRunner {

    public static final int EXIT_OK = 0;
    public static final int EXIT_ERRORS = 1;
    public static final int EXIT_USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;

    public LoadRunner(PrintStream out, PrintStream err) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
    }

    /** Runs and returns the process exit code. */
    public int run(String... args) {
        return execute(args).exitCode();
    }

    /** Runs and returns the exit code together with the result, if a run took place. */
    public LoadOutcome execute(String... args) {
        if (LoadArgs.wantsHelp(args)) {
            out.println(LoadArgs.usage());
            return new LoadOutcome(EXIT_OK, Optional.empty());
        }
        LoadConfig config;
        try {
            config = LoadArgs.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println();
            err.println(LoadArgs.usage());
            return new LoadOutcome(EXIT_USAGE, Optional.empty());
        }
        Scenario scenario = Scenarios.create(config.scenario())
                .orElseThrow(() -> new IllegalStateException("validated scenario missing: " + config.scenario()));

        err.printf("running %s against %s: %d threads, %d s warm-up + %d s measured%n", config.scenario(),
                config.baseUrl(), config.threads(), config.warmup().toSeconds(), config.duration().toSeconds());
        LoadResult result;
        try {
            result = new LoadDriver().run(config, scenario);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return new LoadOutcome(EXIT_ERRORS, Optional.empty());
        }

        out.print(TextReport.render(result));
        out.flush();
        int exitCode = result.totalErrors() == 0 ? EXIT_OK : EXIT_ERRORS;
        if (config.jsonFile().isPresent()) {
            Path file = config.jsonFile().get();
            try {
                Files.writeString(file, JsonReport.render(result), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("error: could not write JSON summary to " + file + ": " + e.getMessage());
                exitCode = EXIT_ERRORS;
            }
        }
        return new LoadOutcome(exitCode, Optional.of(result));
    }
}
