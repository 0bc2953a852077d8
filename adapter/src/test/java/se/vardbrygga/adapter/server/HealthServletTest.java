package se.vardbrygga.adapter.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import se.vardbrygga.adapter.store.ResourceStore;

class HealthServletTest {

    @Test
    void When_DatabaseUnreachable_Expect_503ThenUpAgain() throws Exception {
        AtomicBoolean reachable = new AtomicBoolean(false);
        ResourceStore store = new ResourceStore() {
            @Override
            public <T> T inTransaction(StoreWork<T> work) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean isReachable() {
                return reachable.get();
            }

            @Override
            public void onOutboxCommit(Runnable listener) {
                throw new UnsupportedOperationException();
            }
        };
        Server jetty = new Server(0);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HealthServlet(store)), "/health");
        jetty.setHandler(context);
        jetty.start();
        try {
            URI uri = URI.create("http://localhost:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/health");
            HttpClient client = HttpClient.newHttpClient();

            HttpResponse<String> down = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            reachable.set(true);
            HttpResponse<String> up = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("unreachable");
            assertThat(up.statusCode()).isEqualTo(200);
        } finally {
            jetty.stop();
        }
    }
}
