import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds the FHIR core package {@code hl7.fhir.r4.core#4.0.1} in a FHIR package cache directory from
 * the definitions that HAPI ships on Maven Central ({@code hapi-fhir-validation-resources-r4}),
 * because packages.fhir.org is not reachable from the build machines and the npm registry's
 * {@code hl7.fhir.r4.core} entry has no versions.
 *
 * <p>Usage (Java 17 source launcher; see scripts/regen.sh for the classpath):
 * <pre>java -cp CLASSPATH profiles/scripts/ExportCorePackage.java TARGET_DIR</pre>
 *
 * <p>Writes {@code TARGET_DIR/hl7.fhir.r4.core#4.0.1/package/<Type>-<id>.json} (one file per resource
 * in the definition bundles: StructureDefinition, ValueSet, CodeSystem, SearchParameter,
 * OperationDefinition, CompartmentDefinition, ConceptMap, ...), {@code package/package.json} and
 * {@code package/.index.json} (standard FHIR package index; SUSHI's fhir-package-loader does not
 * read it, other tools do). The package is written to a temporary directory and moved into place
 * last, so an interrupted run never leaves a half-written package behind. An existing package is
 * left alone unless {@code --force} is given.
 */
public class ExportCorePackage {

    static final String PACKAGE_NAME = "hl7.fhir.r4.core";
    static final String PACKAGE_VERSION = "4.0.1";

    /** Definition bundles inside hapi-fhir-validation-resources-r4, in priority order (first wins on duplicates). */
    static final List<String> BUNDLES = List.of(
            "/org/hl7/fhir/r4/model/profile/profiles-types.xml",
            "/org/hl7/fhir/r4/model/profile/profiles-resources.xml",
            "/org/hl7/fhir/r4/model/profile/profiles-others.xml",
            "/org/hl7/fhir/r4/model/extension/extension-definitions.xml",
            "/org/hl7/fhir/r4/model/valueset/valuesets.xml",
            "/org/hl7/fhir/r4/model/valueset/v3-codesystems.xml",
            "/org/hl7/fhir/r4/model/valueset/v2-tables.xml",
            "/org/hl7/fhir/r4/model/sp/search-parameters.json");

    /** The resource types SUSHI cannot work without; the export fails if one of them is missing. */
    static final Set<String> REQUIRED_TYPES = Set.of("StructureDefinition", "ValueSet", "CodeSystem");

    public static void main(String[] args) throws Exception {
        boolean force = false;
        Path target = null;
        for (String arg : args) {
            if (arg.equals("--force")) {
                force = true;
            } else if (target == null) {
                target = Path.of(arg);
            } else {
                usage();
            }
        }
        if (target == null) {
            usage();
        }
        Path packageRoot = target.resolve(PACKAGE_NAME + "#" + PACKAGE_VERSION);
        if (Files.exists(packageRoot.resolve("package").resolve("package.json")) && !force) {
            System.out.println("core package already present: " + packageRoot + " (use --force to rebuild)");
            return;
        }
        Files.createDirectories(target);
        Path tmpRoot = Files.createTempDirectory(target, ".tmp-" + PACKAGE_NAME + "-");
        try {
            Path pkg = Files.createDirectories(tmpRoot.resolve("package"));
            export(pkg);
            if (Files.exists(packageRoot)) {
                deleteRecursively(packageRoot);
            }
            Files.move(tmpRoot, packageRoot, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("core package written: " + packageRoot);
        } finally {
            if (Files.exists(tmpRoot)) {
                deleteRecursively(tmpRoot);
            }
        }
    }

    static void usage() {
        System.err.println("usage: java -cp CLASSPATH ExportCorePackage.java [--force] TARGET_DIR");
        System.exit(2);
    }

    static void export(Path pkg) throws IOException {
        FhirContext ctx = FhirContext.forR4();
        ctx.setParserErrorHandler(new LenientErrorHandler(false));
        IParser out = ctx.newJsonParser().setPrettyPrint(false);

        Map<String, Integer> countByType = new TreeMap<>();
        Map<String, IndexEntry> index = new TreeMap<>();
        Set<String> duplicates = new LinkedHashSet<>();
        String structureDefinitionVersion = null;

        for (String bundlePath : BUNDLES) {
            Bundle bundle = readBundle(ctx, bundlePath);
            int n = 0;
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                Resource resource = entry.getResource();
                if (resource == null || !resource.hasIdElement() || resource.getIdElement().getIdPart() == null) {
                    continue;
                }
                String type = resource.fhirType();
                String id = resource.getIdElement().getIdPart();
                // keep only the logical id (HAPI may carry the entry's fullUrl as the resource id)
                resource.setId(id);
                String fileName = type + "-" + id + ".json";
                if (index.containsKey(fileName)) {
                    duplicates.add(fileName);
                    continue;
                }
                Files.writeString(pkg.resolve(fileName), out.encodeResourceToString(resource), StandardCharsets.UTF_8);
                index.put(fileName, IndexEntry.of(fileName, resource));
                countByType.merge(type, 1, Integer::sum);
                n++;
                if (resource instanceof StructureDefinition sd && "StructureDefinition".equals(id)) {
                    structureDefinitionVersion = sd.getVersion();
                }
            }
            System.out.println("  " + bundlePath.substring(bundlePath.lastIndexOf('/') + 1) + ": " + n + " resources");
        }

        for (String type : REQUIRED_TYPES) {
            if (!countByType.containsKey(type)) {
                throw new IllegalStateException("no " + type + " found in the definition bundles");
            }
        }
        if (!PACKAGE_VERSION.equals(structureDefinitionVersion)) {
            throw new IllegalStateException("StructureDefinition/StructureDefinition has version "
                    + structureDefinitionVersion + ", expected " + PACKAGE_VERSION);
        }
        if (!duplicates.isEmpty()) {
            System.out.println("  skipped " + duplicates.size() + " duplicate(s) (first bundle wins), e.g. "
                    + duplicates.iterator().next());
        }
        countByType.forEach((type, count) -> System.out.println("  " + type + ": " + count));

        Files.writeString(pkg.resolve(".index.json"), indexJson(index.values()), StandardCharsets.UTF_8);
        // package.json last: its presence marks a complete package (see main and regen.sh)
        Files.writeString(pkg.resolve("package.json"), packageJson(), StandardCharsets.UTF_8);
    }

    static Bundle readBundle(FhirContext ctx, String path) throws IOException {
        try (InputStream in = ExportCorePackage.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath (hapi-fhir-validation-resources-r4 missing?)");
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            IParser parser = path.endsWith(".json") ? ctx.newJsonParser() : ctx.newXmlParser();
            return parser.parseResource(Bundle.class, reader);
        }
    }

    record IndexEntry(String filename, String resourceType, String id, String url, String version,
                      String kind, String type) {
        static IndexEntry of(String fileName, Resource r) {
            String url = null;
            String version = null;
            String kind = null;
            String type = null;
            if (r.getNamedProperty("url") != null && r.getNamedProperty("url").hasValues()) {
                url = r.getNamedProperty("url").getValues().get(0).primitiveValue();
            }
            if (r.getNamedProperty("version") != null && r.getNamedProperty("version").hasValues()) {
                version = r.getNamedProperty("version").getValues().get(0).primitiveValue();
            }
            if (r instanceof StructureDefinition sd) {
                kind = sd.hasKind() ? sd.getKind().toCode() : null;
                type = sd.getType();
            }
            return new IndexEntry(fileName, r.fhirType(), r.getIdElement().getIdPart(), url, version, kind, type);
        }
    }

    static String packageJson() {
        return "{\n"
                + "  \"name\": \"" + PACKAGE_NAME + "\",\n"
                + "  \"version\": \"" + PACKAGE_VERSION + "\",\n"
                + "  \"tools-version\": 3,\n"
                + "  \"type\": \"Core\",\n"
                + "  \"date\": \"20191030123000\",\n"
                + "  \"license\": \"CC0-1.0\",\n"
                + "  \"canonical\": \"http://hl7.org/fhir\",\n"
                + "  \"url\": \"http://hl7.org/fhir/R4\",\n"
                + "  \"title\": \"FHIR Core package\",\n"
                + "  \"description\": \"FHIR Core package - the NPM package that contains all the definitions for the base FHIR specification"
                + " (rebuilt offline by Vardbrygga profiles/scripts/ExportCorePackage.java from ca.uhn.hapi.fhir:hapi-fhir-validation-resources-r4)\",\n"
                + "  \"fhirVersions\": [\"" + PACKAGE_VERSION + "\"],\n"
                + "  \"dependencies\": {},\n"
                + "  \"author\": \"HL7 Inc\",\n"
                + "  \"directories\": {\"lib\": \"package\"},\n"
                + "  \"jurisdiction\": \"http://unstats.un.org/unsd/methods/m49/m49.htm#001\"\n"
                + "}\n";
    }

    static String indexJson(Iterable<IndexEntry> entries) {
        StringBuilder sb = new StringBuilder("{\n  \"index-version\": 1,\n  \"files\": [");
        boolean first = true;
        for (IndexEntry e : entries) {
            sb.append(first ? "\n" : ",\n");
            first = false;
            sb.append("    {");
            List<String> fields = new ArrayList<>();
            fields.add(field("filename", e.filename()));
            fields.add(field("resourceType", e.resourceType()));
            fields.add(field("id", e.id()));
            if (e.url() != null) fields.add(field("url", e.url()));
            if (e.version() != null) fields.add(field("version", e.version()));
            if (e.kind() != null) fields.add(field("kind", e.kind()));
            if (e.type() != null) fields.add(field("type", e.type()));
            sb.append(String.join(", ", fields)).append("}");
        }
        return sb.append("\n  ]\n}\n").toString();
    }

    static String field(String name, String value) {
        return "\"" + name + "\": \"" + jsonEscape(value) + "\"";
    }

    static String jsonEscape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
