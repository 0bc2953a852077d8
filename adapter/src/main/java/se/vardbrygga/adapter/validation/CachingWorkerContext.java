package se.vardbrygga.adapter.validation;

import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.r5.model.Resource;

/**
 * The validator's view of the validation support chain, remembering every conformance resource it
 * has found. The validator asks for the same StructureDefinitions hundreds of times per resource
 * (every element resolves its type, every extension its definition); HAPI's adapter answers each
 * question through the chain's cache, a resource-type lookup by name and a synchronized conversion
 * check — about a tenth of the time of a validation. The package is fixed at start, so a found
 * resource never changes; what is not found is asked again (and stays an error).
 */
final class CachingWorkerContext extends WorkerContextValidationSupportAdapter {
    private record Key(Class<?> type, String uri) {
    }

    private final Map<Key, Resource> found = new ConcurrentHashMap<>();

    CachingWorkerContext(IValidationSupport chain) {
        super(chain);
    }

    @Override
    public <T extends Resource> T fetchResource(Class<T> type, String uri) {
        if (uri == null) {
            return null;
        }
        Key key = new Key(type, uri);
        Resource known = found.get(key);
        if (known == null) {
            known = super.fetchResource(type, uri);
            if (known != null) {
                found.put(key, known);
            }
        }
        return type.cast(known);
    }
}
