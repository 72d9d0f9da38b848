package com.byninja.bot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the YAML configuration over the built-in defaults (the shipped {@code trading-bot.yml}, on the classpath),
 * applies the environment overrides and validates everything at once: every problem is reported together, one line
 * each, naming its key.
 */
public final class ConfigLoader {

    /** The classpath copy of the shipped {@code config/trading-bot.yml}. */
    public static final String DEFAULTS_RESOURCE = "/trading-bot.yml";
    /** Read when no {@code --config} is given and it exists. */
    public static final Path WORKING_DIR_FILE = Path.of("config", "trading-bot.yml");

    /** Environment variable to configuration key. */
    private static final Map<String, String> ENV_KEYS = Map.of(
            "BYNINJA_BOT_NAME", "name",
            "BYNINJA_DATA_DIR", "dataDir",
            "BYNINJA_LOG_DIR", "logDir",
            "BYNINJA_LINK_HOST", "link.host",
            "BYNINJA_LINK_PORT", "link.port");
    static final String SECRET_ENV = "BYNINJA_LINK_SECRET";
    /** The exchange's API key; never part of the configuration tree, so never printed. */
    static final String API_KEY_ENV = "BYNINJA_EXCHANGE_API_KEY";
    /** The exchange's API secret; likewise. */
    static final String API_SECRET_ENV = "BYNINJA_EXCHANGE_API_SECRET";
    private static final Set<String> FREE_FORM_MAPS = Set.of("simulator.markets");

    private final YAMLMapper yaml = new YAMLMapper();
    private final Map<String, String> env;

    /** @param env the environment, usually {@code System.getenv()} */
    public ConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** A validated configuration and where it came from. */
    public record Loaded(BotConfig config, String source, String effective) {
    }

    /**
     * @param explicitFile the {@code --config} file, or null to use {@link #WORKING_DIR_FILE} when it exists, else
     *                     the defaults alone
     * @return the configuration
     * @throws ConfigException listing every problem
     */
    public Loaded load(Path explicitFile) throws ConfigException {
        Path file = explicitFile;
        if (file == null && Files.isRegularFile(WORKING_DIR_FILE)) {
            file = WORKING_DIR_FILE;
        }
        if (file == null) {
            return loadYaml(null, "built-in defaults");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(List.of("--config: no such file: " + file));
        }
        try {
            return loadYaml(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ConfigException(List.of("--config: cannot read " + file + ": " + e.getMessage()));
        }
    }

    /**
     * @param overrides YAML text laid over the defaults, or null for the defaults alone
     * @param source    where the text came from, for messages
     * @return the configuration
     * @throws ConfigException listing every problem
     */
    public Loaded loadYaml(String overrides, String source) throws ConfigException {
        ObjectNode tree = defaults();
        List<String> problems = new ArrayList<>();
        if (overrides != null && !overrides.isBlank()) {
            JsonNode user;
            try {
                user = yaml.readTree(overrides);
            } catch (JsonProcessingException e) {
                throw new ConfigException(List.of(source + ": not valid YAML: " + e.getOriginalMessage()
                        + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr())));
            }
            if (user != null && !user.isMissingNode() && !user.isNull()) {
                if (!user.isObject()) {
                    throw new ConfigException(List.of(source + ": must be a YAML mapping of keys to values"));
                }
                ObjectNode userTree = (ObjectNode) user;
                if (userTree.path("exchange").isTextual()) {
                    // `exchange: binance` is short for `exchange: {type: binance}`.
                    String type = userTree.get("exchange").asText();
                    userTree.putObject("exchange").put("type", type);
                }
                merge(tree, userTree, "", problems);
            }
        }
        Map<String, String> origins = new HashMap<>();
        ENV_KEYS.forEach((variable, key) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                set(tree, key, value.trim());
                origins.put(key, variable);
            }
        });
        String secret = env.get(SECRET_ENV);
        if (secret != null && !secret.isBlank() && secret.length() < 16) {
            problems.add(SECRET_ENV + ": must be at least 16 characters, got " + secret.length());
        }
        String secretFromEnv = secret == null || secret.isBlank() ? null : secret;
        BotConfig config = new ConfigReader(tree, problems, origins).read(secretFromEnv,
                nonBlank(env.get(API_KEY_ENV)), nonBlank(env.get(API_SECRET_ENV)));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Loaded(config, source, tree.toString());
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** @return the built-in defaults, validated */
    public static BotConfig defaultConfig() {
        try {
            return new ConfigLoader(Map.of()).loadYaml(null, "built-in defaults").config();
        } catch (ConfigException e) {
            throw new IllegalStateException("the shipped defaults are invalid: " + e.getMessage(), e);
        }
    }

    private ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + DEFAULTS_RESOURCE);
            }
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE, e);
        }
    }

    /** Lays {@code user} over {@code base}; keys the defaults do not have are typos, reported as problems. */
    private static void merge(ObjectNode base, ObjectNode user, String prefix, List<String> problems) {
        boolean freeForm = FREE_FORM_MAPS.contains(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1));
        for (Map.Entry<String, JsonNode> field : user.properties()) {
            String key = prefix + field.getKey();
            JsonNode existing = base.get(field.getKey());
            if (existing == null && !freeForm) {
                problems.add(key + ": unknown key");
                continue;
            }
            if (existing != null && existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) field.getValue(), key + ".", problems);
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void set(ObjectNode tree, String dottedKey, String value) {
        String[] parts = dottedKey.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], TextNode.valueOf(value));
    }
}
