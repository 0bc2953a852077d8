package se.vardbrygga.adapter.intake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardbrygga.adapter.fhir.Incidents;
import se.vardbrygga.adapter.fhir.Outcomes;
import se.vardbrygga.adapter.security.AccessAudit;
import se.vardbrygga.adapter.security.Caller;
import se.vardbrygga.adapter.security.ScopeInterceptor;
import se.vardbrygga.adapter.security.UnitAccessPolicy;

/**
 * {@code POST /intake/{kind}} (plain JSON in, transaction-response Bundle or OperationOutcome out) and
 * {@code GET /intake/schemas/{kind}.json}. No request body or field value is ever logged.
 */
public final class IntakeServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(IntakeServlet.class);
    private static final Pattern KIND = Pattern.compile("^/([a-z-]+)$");
    private static final Pattern SCHEMA = Pattern.compile("^/schemas/([a-z-]+)\\.json$");
    private static final String FHIR_JSON = "application/fhir+json;charset=utf-8";

    private final transient IntakeService intake;
    private final transient FhirContext context;
    private final transient ScopeInterceptor scopes;
    private final transient UnitAccessPolicy policy;
    private final transient AccessAudit audit;

    public IntakeServlet(IntakeService intake, FhirContext context, ScopeInterceptor scopes, UnitAccessPolicy policy,
                         AccessAudit audit) {
        this.scopes = scopes;
        this.policy = policy;
        this.audit = audit;
        this.intake = intake;
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Matcher m = SCHEMA.matcher(String.valueOf(req.getPathInfo()));
        var schema = m.matches() ? intake.kinds().schema(m.group(1)) : java.util.Optional.<String>empty();
        if (schema.isEmpty()) {
            send(resp, 404, Outcomes.outcome(IssueType.NOTFOUND, "No such intake schema; kinds: " + intake.kinds().names(), null));
            return;
        }
        resp.setStatus(200);
        resp.setContentType("application/schema+json;charset=utf-8");
        resp.getOutputStream().write(schema.get().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Matcher m = KIND.matcher(String.valueOf(req.getPathInfo()));
        if (!m.matches() || !intake.kinds().exists(m.group(1))) {
            send(resp, 404, Outcomes.outcome(IssueType.NOTFOUND, "No such intake kind; kinds: " + intake.kinds().names(), null));
            return;
        }
        String contentType = String.valueOf(req.getContentType());
        if (!contentType.startsWith("application/json")) {
            send(resp, 415, Outcomes.outcome(IssueType.NOTSUPPORTED, "The intake takes Content-Type: application/json", null));
            return;
        }
        byte[] body = req.getInputStream().readAllBytes();
        try {
            Caller caller = Caller.of(req);
            Bundle response = intake.receive(m.group(1), body, policy.forCaller(caller, req), mapped -> {
                scopes.requireEntries(caller, mapped.transaction());
                requireSender(caller, IntakeService.senderUnit(mapped));
            });
            send(resp, 201, response);
        } catch (BaseServerResponseException e) {
            if (e.getStatusCode() == 403 || e.getStatusCode() == 404) {
                audit.refused(req, Caller.of(req), e.getStatusCode(), e.getMessage());
            }
            OperationOutcome outcome = e.getOperationOutcome() instanceof OperationOutcome oo ? oo
                    : Outcomes.outcome(IssueType.PROCESSING, e.getMessage(), null);
            send(resp, e.getStatusCode(), outcome);
        } catch (RuntimeException e) {
            String incident = Incidents.log(LOG, "Intake " + m.group(1) + " failed", e);
            send(resp, 500, Outcomes.outcome(IssueType.EXCEPTION, "Internal error (incident " + incident + ")", null));
        }
    }

    /** A unit sends only in its own name: {@code sender.hsaId} must be the HSA-id of the calling unit. */
    private void requireSender(Caller caller, java.util.Optional<String> sender) {
        if (caller.unrestricted() || sender.isEmpty() || caller.unit().equals(sender)) {
            return;
        }
        String message = caller.unit().isEmpty() ? "The token names no unit: an intake is sent in the name of a unit"
                : "sender.hsaId must be the calling unit " + caller.unit().get() + ": a unit sends only in its own name";
        throw Outcomes.forbidden(message, "sender.hsaId");
    }

    private void send(HttpServletResponse resp, int status, IBaseResource resource) throws IOException {
        resp.setStatus(status);
        resp.setContentType(FHIR_JSON);
        resp.getOutputStream().write(context.newJsonParser().encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8));
    }
}
