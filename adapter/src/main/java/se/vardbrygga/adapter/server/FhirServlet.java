package se.vardbrygga.adapter.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;

/**
 * The HAPI plain server: one generic provider per resource type, plain providers for Bundles and
 * operations, and the cross-cutting concerns as interceptors. Everything is handed in; nothing is looked up.
 */
public final class FhirServlet extends RestfulServer {

    public FhirServlet(FhirContext context, List<IResourceProvider> resourceProviders, List<Object> plainProviders,
                       List<Object> interceptors, String publicBaseUrl) {
        super(context);
        setResourceProviders(resourceProviders);
        plainProviders.forEach(this::registerProvider);
        interceptors.forEach(this::registerInterceptor);
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setDefaultPrettyPrint(false);
        if (publicBaseUrl != null && !publicBaseUrl.isBlank()) {
            setServerAddressStrategy(new HardcodedServerAddressStrategy(publicBaseUrl));
        }
    }
}
