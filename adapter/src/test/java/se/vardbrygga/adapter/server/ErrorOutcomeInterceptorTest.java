package se.vardbrygga.adapter.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ErrorOutcomeInterceptorTest {
    private static final String PERSONNUMMER = "191212121212";

    private final ErrorOutcomeInterceptor interceptor = new ErrorOutcomeInterceptor();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ErrorOutcomeInterceptor.class);

    @BeforeEach
    void captureLog() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(logged);
    }

    @Test
    void When_UnexpectedFailureQuotesData_Expect_500WithIncidentOnlyAndNoDataInLog() {
        RuntimeException bug = new IllegalStateException("duplicate key " + PERSONNUMMER);
        BaseServerResponseException hapiWrapped = new InternalErrorException("Failed to call access method: " + bug, bug);

        BaseServerResponseException answer = interceptor.mask(hapiWrapped);

        assertThat(answer.getStatusCode()).isEqualTo(500);
        assertThat(answer.getMessage()).startsWith("Internal error (incident ").doesNotContain(PERSONNUMMER);
        OperationOutcome oo = (OperationOutcome) answer.getOperationOutcome();
        assertThat(oo.getIssueFirstRep().getDiagnostics()).doesNotContain(PERSONNUMMER, "IllegalState", ".java");
        assertThat(logged.list).hasSize(1);
        assertThat(logged.list.get(0).getFormattedMessage())
                .contains("java.lang.IllegalStateException", answer.getMessage().replaceAll(".*incident (.*)\\)", "$1"))
                .doesNotContain(PERSONNUMMER);
    }

    @Test
    void When_DeliberateFhirError_Expect_PassedThroughUnlogged() {
        InvalidRequestException deliberate = new InvalidRequestException("Unknown search parameter 'x'");

        assertThat(interceptor.mask(deliberate)).isSameAs(deliberate);
        assertThat(logged.list).isEmpty();
    }
}
