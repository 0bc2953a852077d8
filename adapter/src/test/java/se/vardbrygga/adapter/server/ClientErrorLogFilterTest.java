package se.vardbrygga.adapter.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class ClientErrorLogFilterTest {
    private final LoggerContext context = new LoggerContext();
    private final Logger hapi = context.getLogger(ClientErrorLogFilter.INTERCEPTOR_SERVICE);
    private final ClientErrorLogFilter filter = new ClientErrorLogFilter();

    @Test
    void When_AnInterceptorRefusesWith4xx_Expect_NoErrorLine() {
        assertThat(filter.decide(null, hapi, Level.ERROR, "Exception thrown by interceptor for pointcut {}: {}",
                new Object[] {"SERVER_INCOMING_REQUEST_PRE_HANDLED", "x", new ForbiddenOperationException("scope")}, null))
                .isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, hapi, Level.ERROR, "Exception thrown", null, new ResourceNotFoundException("Task/1")))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void When_AnInterceptorFailsOtherwise_Expect_TheLineKept() {
        assertThat(filter.decide(null, hapi, Level.ERROR, "Exception thrown", null, new InternalErrorException("boom")))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, hapi, Level.ERROR, "Exception thrown", null, new NullPointerException()))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, context.getLogger("se.vardbrygga.adapter.x"), Level.ERROR, "Exception thrown", null,
                new ForbiddenOperationException("scope"))).isEqualTo(FilterReply.NEUTRAL);
    }
}
