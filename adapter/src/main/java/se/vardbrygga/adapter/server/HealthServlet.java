package se.vardbrygga.adapter.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import se.vardbrygga.adapter.store.ResourceStore;

/** {@code GET /health}: 200 when the database answers, 503 when it does not (for load balancers). */
public final class HealthServlet extends HttpServlet {
    private final transient ResourceStore store;

    public HealthServlet(ResourceStore store) {
        this.store = store;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean up = store.isReachable();
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(up
                ? "{\"status\":\"UP\",\"database\":\"reachable\"}"
                : "{\"status\":\"DOWN\",\"database\":\"unreachable\"}");
    }
}
