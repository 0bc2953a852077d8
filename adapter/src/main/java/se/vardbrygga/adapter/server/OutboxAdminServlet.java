package se.vardbrygga.adapter.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import se.vardbrygga.adapter.store.OutboxEntry;
import se.vardbrygga.adapter.store.ResourceStore;

/**
 * The delivery log for operators: {@code GET /admin/outbox[?status=pending|fallback-sent|delivered|dead|unroutable][&resource=Task/id]
 * [&limit=n]} lists rows newest first with the counts per status; {@code POST /admin/outbox/{id}/replay} puts a dead
 * row back in the queue. No patient data: resource references, channels, units, rules, attempts, errors.
 */
public final class OutboxAdminServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient ResourceStore store;
    private final transient Clock clock;

    public OutboxAdminServlet(ResourceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OutboxEntry.Status status;
        int limit;
        try {
            String s = request.getParameter("status");
            status = s == null ? null : OutboxEntry.Status.ofCode(s);
            limit = Math.min(1000, Integer.parseInt(request.getParameter("limit") == null ? "100" : request.getParameter("limit")));
        } catch (IllegalArgumentException e) {
            error(response, 400, "status is pending, fallback-sent, delivered, dead or unroutable; limit a number");
            return;
        }
        String resource = request.getParameter("resource");
        ObjectNode body = JSON.createObjectNode();
        store.inTransaction(session -> {
            ObjectNode counts = body.putObject("counts");
            for (Map.Entry<OutboxEntry.Status, Integer> c : session.outboxCounts().entrySet()) {
                counts.put(c.getKey().code(), c.getValue());
            }
            ArrayNode rows = body.putArray("entries");
            List<OutboxEntry> entries = session.outbox(status, resource, limit);
            entries.forEach(e -> rows.add(json(e)));
            return null;
        });
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        JSON.writerWithDefaultPrettyPrinter().writeValue(response.getWriter(), body);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!path.matches("/\\d+/replay")) {
            error(response, 404, "POST /admin/outbox/{id}/replay");
            return;
        }
        long id = Long.parseLong(path.split("/")[1]);
        boolean replayed = store.inTransaction(session -> session.replay(id, clock.millis()));
        if (!replayed) {
            error(response, 409, "Outbox row " + id + " is not dead: only a dead row is replayed");
            return;
        }
        response.setContentType("application/json");
        response.getWriter().write("{\"id\":" + id + ",\"status\":\"pending\"}");
    }

    static ObjectNode json(OutboxEntry e) {
        ObjectNode row = JSON.createObjectNode();
        row.put("id", e.id());
        row.put("messageId", e.messageId());
        row.put("resource", e.resourceType() + "/" + e.resourceId() + "/_history/" + e.resourceVersion());
        row.put("channel", e.channel());
        row.put("unit", e.unit());
        row.put("endpoint", e.endpoint());
        row.put("rules", e.rules());
        row.put("status", e.status().code());
        row.put("attempts", e.attempts());
        row.put("nextAttempt", java.time.Instant.ofEpochMilli(e.nextAttempt()).toString());
        row.put("created", java.time.Instant.ofEpochMilli(e.created()).toString());
        if (e.delivered() != null) {
            row.put("delivered", java.time.Instant.ofEpochMilli(e.delivered()).toString());
        }
        row.put("lastError", e.lastError());
        if (e.fallbackSent() != null) {
            row.put("fallbackSent", java.time.Instant.ofEpochMilli(e.fallbackSent()).toString()); // R-OUT-1
            if (e.mailPending() && e.status() == OutboxEntry.Status.FALLBACK_SENT) {
                row.put("outageMail", "pending"); // phoned; the encrypted e-mail still to go
            }
        }
        return row;
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write(JSON.createObjectNode().put("error", message).toString());
    }
}
