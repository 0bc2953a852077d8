package se.vardbrygga.adapter.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.JsonParser;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.utilities.validation.ValidationMessage;

/**
 * The validator's element-model JSON parser, remembering the definition of each resource type it has parsed. HL7's
 * parser finds the definition of a resource's type by walking every StructureDefinition of the context and building
 * the candidate URL anew for each (some 700 strings) — on every parse, a tenth of a validation here. The package is
 * fixed at start, so the definition found once is the definition; an unknown type is looked up (and reported) again.
 */
final class IndexedJsonParser extends JsonParser {
    private final Map<String, StructureDefinition> definitions = new ConcurrentHashMap<>();

    IndexedJsonParser(IWorkerContext context) {
        super(context);
    }

    @Override
    protected StructureDefinition getDefinition(List<ValidationMessage> errors, int line, int col, String name) {
        if (name == null) {
            return super.getDefinition(errors, line, col, null);
        }
        StructureDefinition known = definitions.get(name);
        if (known != null) {
            return known;
        }
        List<ValidationMessage> lookup = new ArrayList<>();
        StructureDefinition found = super.getDefinition(lookup, line, col, name);
        errors.addAll(lookup);
        if (found != null && lookup.isEmpty()) {
            definitions.put(name, found);
        }
        return found;
    }
}
