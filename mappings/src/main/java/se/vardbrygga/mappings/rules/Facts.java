package se.vardbrygga.mappings.rules;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What the rules may look up while a write is decided: the stored resources, as the transaction sees
 * them, and the time. The adapter answers from its store; unit tests answer from a list.
 */
public interface Facts {

    /** The resource a literal reference ({@code Type/id}) points to, if stored. */
    Optional<Resource> resolve(Reference reference);

    /** A search in FHIR syntax, e.g. {@code search("Task", "code=...|delegation&patient=Patient/1")}. */
    List<Resource> search(String type, String query);

    Instant now();
}
