package se.vardbrygga.adapter.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the configuration: built-in defaults, then an optional YAML file, then environment
 * variables. Only settings that exist in the defaults can be set; a typo in the file is an error,
 * not a silently ignored key.
 */
public final class ConfigLoader {
    public static final String ENV_PREFIX = "VARDBRYGGA_";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = environment;
    }

    public AdapterConfig load(Path file) {
        ObjectNode tree = defaults();
        if (file != null) {
            try {
                merge(tree, YAML.readTree(Files.readString(file)), "");
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
            }
        }
        applyEnvironment(tree, "");
        try {
            return YAML.treeToValue(tree, AdapterConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid configuration: " + e.getMessage(), e);
        }
    }

    private static ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/vardbrygga-defaults.yaml")) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("built-in defaults missing", e);
        }
    }

    private static void merge(ObjectNode target, JsonNode source, String path) {
        if (source == null || source.isNull() || source.isMissingNode()) {
            return;
        }
        if (!source.isObject()) {
            throw new IllegalArgumentException("Configuration at '" + (path.isEmpty() ? "/" : path) + "' must be a map");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode existing = target.get(field.getKey());
            if (existing == null) {
                throw new IllegalArgumentException("Unknown configuration setting '" + key + "'");
            }
            if (field.getValue() == null || field.getValue().isNull()) {
                throw new IllegalArgumentException("Configuration setting '" + key + "' has no value");
            }
            if (existing.isObject()) {
                merge((ObjectNode) existing, field.getValue(), key);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private void applyEnvironment(ObjectNode node, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (field.getValue().isObject()) {
                applyEnvironment((ObjectNode) field.getValue(), key);
            } else {
                String value = environment.get(envName(key));
                if (value != null) {
                    node.put(field.getKey(), value);
                }
            }
        }
    }

    /** {@code server.maxRequestBytes} becomes {@code VARDBRYGGA_SERVER_MAX_REQUEST_BYTES}. */
    public static String envName(String path) {
        return ENV_PREFIX + path.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }
}
