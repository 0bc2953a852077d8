package se.vardbrygga.adapter.search;

import java.util.List;

/**
 * One search parameter of one resource type: its name, its type, the element paths it indexes
 * (FHIR dotted paths as the terser understands them) and, for references, the target types it
 * keeps (empty = any). {@code Task.patient} is {@code Task.for} restricted to Patient.
 */
public record SearchParamDef(String name, SearchParamType type, List<String> paths, List<String> targetTypes) {

    public static SearchParamDef token(String name, String... paths) {
        return new SearchParamDef(name, SearchParamType.TOKEN, List.of(paths), List.of());
    }

    public static SearchParamDef string(String name, String... paths) {
        return new SearchParamDef(name, SearchParamType.STRING, List.of(paths), List.of());
    }

    public static SearchParamDef date(String name, String... paths) {
        return new SearchParamDef(name, SearchParamType.DATE, List.of(paths), List.of());
    }

    public static SearchParamDef reference(String name, String... paths) {
        return new SearchParamDef(name, SearchParamType.REFERENCE, List.of(paths), List.of());
    }

    /** A copy that keeps only references to the given resource types. */
    public SearchParamDef targeting(String... types) {
        return new SearchParamDef(name, type, paths, List.of(types));
    }

    public boolean acceptsTarget(String resourceType) {
        return targetTypes.isEmpty() || targetTypes.contains(resourceType);
    }
}
