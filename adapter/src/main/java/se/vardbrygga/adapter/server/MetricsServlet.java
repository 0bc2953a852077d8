package se.vardbrygga.adapter.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import se.vardbrygga.adapter.outbox.DeliveryMetrics;

/** {@code GET /metrics}: the delivery numbers in Prometheus text form, for a scraper. */
public final class MetricsServlet extends HttpServlet {
    private final transient DeliveryMetrics metrics;

    public MetricsServlet(DeliveryMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(metrics.scrape());
    }
}
