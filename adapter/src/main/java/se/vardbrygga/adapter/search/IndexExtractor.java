package se.vardbrygga.adapter.search;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumeration;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/** Extracts the search index rows of a resource, as defined by the {@link SearchParamRegistry}. */
public final class IndexExtractor {
    static final int MAX_LENGTH = 1024;

    private final SearchParamRegistry registry;
    private final FhirTerser terser;

    public IndexExtractor(FhirContext context, SearchParamRegistry registry) {
        this.registry = registry;
        this.terser = context.newTerser();
    }

    public List<IndexEntry> extract(IBaseResource resource) {
        String type = resource.fhirType();
        List<IndexEntry> entries = new ArrayList<>();
        for (SearchParamDef def : registry.paramsOf(type)) {
            for (String path : def.paths()) {
                for (IBase value : terser.getValues(resource, path)) {
                    addEntries(def, value, entries);
                }
            }
        }
        return entries;
    }

    private static void addEntries(SearchParamDef def, IBase value, List<IndexEntry> out) {
        String p = def.name();
        switch (def.type()) {
            case TOKEN -> addTokens(p, value, out);
            case STRING -> addStrings(p, value, out);
            case DATE -> addDates(p, value, out);
            case REFERENCE -> {
                if (value instanceof Reference ref) {
                    parseReference(ref.getReference())
                            .filter(target -> def.acceptsTarget(target[0]))
                            .ifPresent(target -> out.add(new IndexEntry.Ref(p, target[0], target[1])));
                }
            }
        }
    }

    private static void addTokens(String p, IBase value, List<IndexEntry> out) {
        if (value instanceof Identifier id) {
            if (id.hasValue()) {
                out.add(new IndexEntry.Token(p, clip(id.getSystem()), clip(id.getValue())));
            }
        } else if (value instanceof CodeableConcept cc) {
            cc.getCoding().forEach(c -> addTokens(p, c, out));
        } else if (value instanceof Coding c) {
            if (c.hasCode()) {
                out.add(new IndexEntry.Token(p, clip(c.getSystem()), clip(c.getCode())));
            }
        } else if (value instanceof Enumeration<?> e) {
            if (e.hasValue()) {
                out.add(new IndexEntry.Token(p, clip(e.getSystem()), clip(e.getValueAsString())));
            }
        } else if (value instanceof BooleanType b) {
            if (b.hasValue()) {
                out.add(new IndexEntry.Token(p, null, b.getValueAsString()));
            }
        } else if (value instanceof ContactPoint cp) {
            if (cp.hasValue()) {
                out.add(new IndexEntry.Token(p, null, clip(cp.getValue())));
            }
        } else if (value instanceof IPrimitiveType<?> prim && prim.hasValue()) {
            out.add(new IndexEntry.Token(p, null, clip(prim.getValueAsString())));
        }
    }

    private static void addStrings(String p, IBase value, List<IndexEntry> out) {
        if (value instanceof HumanName name) {
            addString(p, name.getFamily(), out);
            name.getGiven().forEach(g -> addString(p, g.getValue(), out));
            name.getPrefix().forEach(g -> addString(p, g.getValue(), out));
            name.getSuffix().forEach(g -> addString(p, g.getValue(), out));
            addString(p, name.getText(), out);
        } else if (value instanceof Address a) {
            a.getLine().forEach(l -> addString(p, l.getValue(), out));
            addString(p, a.getCity(), out);
            addString(p, a.getDistrict(), out);
            addString(p, a.getPostalCode(), out);
            addString(p, a.getCountry(), out);
            addString(p, a.getText(), out);
        } else if (value instanceof IPrimitiveType<?> prim && prim.hasValue()) {
            addString(p, prim.getValueAsString(), out);
        }
    }

    private static void addString(String p, String s, List<IndexEntry> out) {
        if (s != null && !s.isBlank()) {
            out.add(new IndexEntry.Text(p, clip(normalize(s)), clip(s)));
        }
    }

    private static void addDates(String p, IBase value, List<IndexEntry> out) {
        long[] range = null;
        if (value instanceof BaseDateTimeType dt && dt.getValue() != null) {
            range = DateRanges.of(dt);
        } else if (value instanceof Period period && (period.hasStart() || period.hasEnd())) {
            range = DateRanges.of(period);
        }
        if (range != null) {
            out.add(new IndexEntry.DateRange(p, range[0], range[1]));
        }
    }

    /**
     * Parses a reference such as {@code Patient/123}, {@code Patient/123/_history/2} or an absolute
     * {@code http://host/fhir/Patient/123} into {type, id}. Contained ({@code #x}) and placeholder
     * ({@code urn:}) references have no target row.
     */
    public static Optional<String[]> parseReference(String reference) {
        if (reference == null || reference.isBlank() || reference.startsWith("#") || reference.startsWith("urn:")) {
            return Optional.empty();
        }
        String r = reference;
        int history = r.indexOf("/_history/");
        if (history >= 0) {
            r = r.substring(0, history);
        }
        int q = r.indexOf('?');
        if (q >= 0) {
            return Optional.empty();
        }
        String[] parts = r.split("/");
        if (parts.length < 2) {
            return Optional.empty();
        }
        String type = parts[parts.length - 2];
        String id = parts[parts.length - 1];
        if (type.isEmpty() || !Character.isUpperCase(type.charAt(0)) || id.isEmpty() || id.length() > 64) {
            return Optional.empty();
        }
        return Optional.of(new String[] {type, id});
    }

    /** Case- and accent-insensitive form used by string search: "Västerås" matches "vasteras". */
    public static String normalize(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).trim();
    }

    private static String clip(String s) {
        return s == null || s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH);
    }
}
