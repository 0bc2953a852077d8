package se.vardbrygga.adapter.fhir;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import org.hl7.fhir.r4.model.Bundle;

/** The system-level interactions: POST of a transaction or batch Bundle to the base URL. */
public final class SystemProvider {
    private final BundleProcessor processor;

    public SystemProvider(BundleProcessor processor) {
        this.processor = processor;
    }

    @Transaction
    public Bundle transaction(@TransactionParam Bundle bundle, ca.uhn.fhir.rest.api.server.RequestDetails request) {
        return processor.process(bundle, Access.of(request));
    }
}
