package se.vardbrygga.mappings.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Contract;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/** Facts from a list, for unit tests: the few searches the rules make (patient, code, status, class, actor). */
public final class ListFacts implements Facts {
    private final Map<String, Resource> byRef = new LinkedHashMap<>();
    private final Instant now;

    public ListFacts(Instant now) {
        this.now = now;
    }

    public <T extends Resource> T add(T resource) {
        byRef.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
        return resource;
    }

    @Override
    public Optional<Resource> resolve(Reference reference) {
        return Optional.ofNullable(reference.getReference()).map(byRef::get).map(Resource::copy);
    }

    @Override
    public List<Resource> search(String type, String query) {
        List<Resource> out = new ArrayList<>();
        for (Resource r : byRef.values()) {
            if (r.fhirType().equals(type) && matches(r, query)) {
                out.add(r.copy());
            }
        }
        return out;
    }

    private static boolean matches(Resource r, String query) {
        for (String pair : query.split("&")) {
            String name = pair.substring(0, pair.indexOf('='));
            List<String> values = List.of(pair.substring(pair.indexOf('=') + 1).split(","));
            List<String> actual = switch (name) {
                case "patient" -> List.of(String.valueOf(r instanceof Task t ? t.getFor().getReference()
                        : r instanceof Consent c ? c.getPatient().getReference()
                        : r instanceof CarePlan p ? p.getSubject().getReference()
                        : r instanceof DocumentReference d ? d.getSubject().getReference()
                        : r instanceof Contract k ? k.getSubjectFirstRep().getReference() : ((Encounter) r).getSubject().getReference()));
                case "agreement" -> ((ChargeItem) r).getSupportingInformation().stream().map(Reference::getReference).toList();
                case "status" -> List.of(((Base) r).getNamedProperty("status").getValues().get(0).primitiveValue());
                case "code" -> List.of(code(((Task) r).getCode().getCodingFirstRep()));
                case "category" -> ((CarePlan) r).getCategory().stream().map(c -> code(c.getCodingFirstRep())).toList();
                case "type" -> List.of(code(((DocumentReference) r).getType().getCodingFirstRep()));
                case "class" -> List.of(code(((Encounter) r).getClass_()));
                case "actor" -> ((Consent) r).getProvision().getActor().stream().map(a -> a.getReference().getReference()).toList();
                default -> throw new IllegalArgumentException("unsupported search parameter " + name);
            };
            if (actual.stream().noneMatch(values::contains)) {
                return false;
            }
        }
        return true;
    }

    private static String code(Coding c) {
        return c.getSystem() + "|" + c.getCode();
    }

    @Override
    public Instant now() {
        return now;
    }
}
