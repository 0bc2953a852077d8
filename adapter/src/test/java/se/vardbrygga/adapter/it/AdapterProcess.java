package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The executable jar ({@code serve}) as a separate process, to kill with SIGKILL: no shutdown hook, no clean close
 * of the database or the outbox worker.
 */
final class AdapterProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private final Path log;

    private AdapterProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code serve} on a free port with the given environment and waits until {@code /health} answers. */
    static AdapterProcess start(Map<String, String> environment, Path log) throws Exception {
        String jar = System.getProperty("vardbrygga.jar");
        assertThat(jar).as("system property vardbrygga.jar (set by failsafe)").isNotNull();
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar, "serve", "--port", String.valueOf(port));
        pb.environment().putAll(environment);
        pb.environment().put("VARDBRYGGA_SERVER_HOST", "127.0.0.1");
        pb.environment().putIfAbsent("VARDBRYGGA_SECURITY_OPEN", "true"); // these tests are about durability, not tokens
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        AdapterProcess adapter = new AdapterProcess(pb.start(), port, log);
        adapter.awaitHealthy();
        return adapter;
    }

    String baseUrl() {
        return "http://localhost:" + port + "/fhir";
    }

    String root() {
        return "http://localhost:" + port;
    }

    /** SIGKILL, and wait until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private void awaitHealthy() throws InterruptedException {
        FhirHttp health = new FhirHttp(root());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("adapter process exited during start").isTrue();
            try {
                if (health.get("health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // keep polling
            }
            Thread.sleep(100);
        }
        throw new AssertionError("adapter did not become healthy within 60 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Ends the process; its log joins the test run's log, which the build scans for personal numbers. */
    @Override
    public void close() throws InterruptedException {
        kill();
        try {
            java.nio.file.Files.write(Path.of(System.getProperty("vardbrygga.testRunLog", "target/test-run.log")),
                    java.nio.file.Files.readAllBytes(log), java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
