package se.vardbrygga.conformance.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.utilities.npm.NpmPackage;
import se.vardbrygga.profiles.ProfilePackage;

/**
 * The files of the packaged profile package (profiles, terminology and the examples, valid and {@code invalid-…}),
 * as the TestScripts' fixtures name them: {@code package/Task-vb-delegation-task-example.json}.
 */
public final class ProfilePackageFiles {
    public static final String PREFIX = "package/";

    private ProfilePackageFiles() {
    }

    /** The text of a file of the package's {@code package} folder. */
    public static Optional<String> read(String file) {
        try (InputStream in = open(file)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the package's files, sorted. */
    public static List<String> names() {
        try {
            return pkg().list("package").stream().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String file) throws IOException {
        return pkg().hasFile("package", file) ? pkg().load("package", file) : null;
    }

    private static NpmPackage pkg() {
        return Holder.PACKAGE;
    }

    /** Loaded once, on first use: the package is part of the jar and never changes. */
    private static final class Holder {
        private static final NpmPackage PACKAGE = load();

        private static NpmPackage load() {
            String resource = "/" + ProfilePackage.CLASSPATH.substring("classpath:".length());
            try (InputStream in = ProfilePackageFiles.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the profile package " + resource + " is missing from the suite's jar");
                }
                return NpmPackage.fromPackage(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
