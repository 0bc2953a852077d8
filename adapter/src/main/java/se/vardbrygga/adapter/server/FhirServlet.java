package se.vardbrygga.adapter.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;

/**
 * The HAPI plain server: one generic provider per resource type, the system provider for Bundles,
 * and the cross-cutting concerns as interceptors. Everything is handed in; nothing is looked up.
 */
public final class FhirServlet extends RestfulServer {

    public FhirServlet(FhirContext context, List<IResourceProvider> resourceProviders, Object systemProvider,
                       List<Object> interceptors, String publicBaseUrl) {
        super(context);
        setResourceProviders(resourceProviders);
        registerProvider(systemProvider);
        interceptors.forEach(this::registerInterceptor);
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setDefaultPrettyPrint(false);
        if (publicBaseUrl != null && !publicBaseUrl.isBlank()) {
            setServerAddressStrategy(new HardcodedServerAddressStrategy(publicBaseUrl));
        }
    }
}
