package com.byninja.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configuration a daemon runs with, as its start-up log shows it: YAML, one key a line, in the order of the
 * configuration's fields, with secrets (the bot token, keys, passwords) masked.
 */
public final class EffectiveConfig {

    /** Keys whose text value is a secret wherever they appear. */
    private static final Set<String> SECRET_KEYS = Set.of("token", "apikey", "apisecret", "secret", "password");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private EffectiveConfig() {
    }

    /**
     * @param json   the effective configuration as one JSON object
     * @param indent put before every line, so that the block stands out under the log line that introduces it
     * @return the same as YAML, secrets replaced by {@code ***}, every line indented, no line break at the end
     */
    public static String yaml(String json, String indent) {
        try {
            return yaml(JSON.readTree(json), indent);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON configuration: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param config the configuration, a record or any value Jackson writes as an object
     * @param indent put before every line
     * @return it as YAML, secrets replaced by {@code ***}, every line indented, no line break at the end
     */
    public static String yaml(Object config, String indent) {
        JsonNode tree = JSON.valueToTree(config);
        return yaml(tree, indent);
    }

    private static String yaml(JsonNode tree, String indent) {
        mask(tree);
        try {
            String text = YAML.writeValueAsString(tree).stripTrailing();
            return text.lines().map(line -> indent + line).collect(Collectors.joining(System.lineSeparator()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot show the configuration: " + e.getOriginalMessage(), e);
        }
    }

    /** @return whether a key of this name holds a secret wherever it appears, such as {@code apiSecret} */
    public static boolean isSecret(String key) {
        return SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT));
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : List.copyOf(object.properties())) {
                if (isSecret(field.getKey()) && field.getValue().isTextual()
                        && !field.getValue().asText().isEmpty()) {
                    object.put(field.getKey(), "***");
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(EffectiveConfig::mask);
        }
    }
}
