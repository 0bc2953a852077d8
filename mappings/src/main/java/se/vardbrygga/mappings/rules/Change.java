package se.vardbrygga.mappings.rules;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Resource;

/**
 * A change a rule makes to a stored resource. The adapter locks the resource, reads its current
 * version and applies {@code change} to it; the function decides again on that version (empty: nothing
 * to do any more, e.g. another admission ended the delegation first), so a change happens exactly once
 * however many writes race for it.
 */
public record Change(String type, String id, Function<Resource, Optional<Changed>> change) {

    /** The new version of the resource, and what is written with it (e.g. a Provenance). */
    public record Changed(Resource updated, List<Resource> alsoCreate) {
    }
}
