package com.byninja.telegram.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the configuration: the built-in defaults (the shipped {@code config/telegram-server.yml}, carried in the jar),
 * overlaid with a YAML file, overlaid with environment variables, then validated as a whole.
 */
public final class ConfigLoader {
    /** The classpath copy of {@code config/telegram-server.yml}: the built-in defaults. */
    public static final String DEFAULTS_RESOURCE = "/telegram-server.yml";
    /** The file read when no {@code --config} is given, relative to the working directory. */
    public static final Path DEFAULT_FILE = Path.of("config", "telegram-server.yml");

    public static final String ENV_TOKEN = "BYNINJA_TELEGRAM_TOKEN";
    public static final String ENV_ALLOWED_CHATS = "BYNINJA_TELEGRAM_ALLOWED_CHATS";
    public static final String ENV_API_URL = "BYNINJA_TELEGRAM_API_URL";
    public static final String ENV_LINK_BIND = "BYNINJA_LINK_BIND";
    public static final String ENV_LINK_PORT = "BYNINJA_LINK_PORT";
    public static final String ENV_DATA_DIR = "BYNINJA_DATA_DIR";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);
    private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    private final Map<String, String> env;
    private final Path defaultFile;

    /** @param env the environment, usually {@code System.getenv()} */
    public ConfigLoader(Map<String, String> env) {
        this(env, DEFAULT_FILE);
    }

    ConfigLoader(Map<String, String> env, Path defaultFile) {
        this.env = Map.copyOf(env);
        this.defaultFile = defaultFile;
    }

    /**
     * @param file    the file named by {@code --config}, or empty to use {@code config/telegram-server.yml} when it
     *                exists and the built-in defaults otherwise
     * @param console whether the daemon runs in console mode, which needs neither token nor allowed chats
     * @return the validated configuration
     * @throws ConfigException listing every problem found
     */
    public TelegramServerConfig load(Optional<Path> file, boolean console) throws ConfigException {
        ObjectNode tree = readDefaults();
        List<String> problems = new ArrayList<>();
        Optional<Path> source = file.or(() -> Files.isRegularFile(defaultFile) ? Optional.of(defaultFile)
                                                                                : Optional.empty());
        if (source.isPresent()) {
            Path path = source.get();
            if (!Files.isRegularFile(path)) {
                throw new ConfigException(List.of("Configuration file " + path + " does not exist."));
            }
            LOG.info("Reading configuration from {}", path);
            ObjectNode fromFile = readFile(path);
            dropUnknownKeys(tree, fromFile, "", path.toString(), problems);
            merge(tree, fromFile);
        } else {
            LOG.info("No {} found: using the built-in defaults", defaultFile);
        }
        applyEnvironment(tree, problems);
        TelegramServerConfig config = bind(tree, source.map(Path::toString).orElse("the built-in defaults"), problems);
        if (config != null) {
            validate(config, console, problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    private ObjectNode readDefaults() throws ConfigException {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new ConfigException(List.of("The built-in defaults " + DEFAULTS_RESOURCE + " are missing from "
                        + "the classpath: the jar is broken."));
            }
            return asObject(yaml.readTree(in), DEFAULTS_RESOURCE);
        } catch (IOException e) {
            throw new ConfigException("Cannot read the built-in defaults: " + e.getMessage(), e);
        }
    }

    private ObjectNode readFile(Path path) throws ConfigException {
        try {
            return asObject(yaml.readTree(path.toFile()), path.toString());
        } catch (JsonProcessingException e) {
            throw new ConfigException(path + " is not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode asObject(JsonNode node, String source) throws ConfigException {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new ConfigException(List.of(source + " must hold a YAML mapping at the top level."));
        }
        return (ObjectNode) node;
    }

    /**
     * The defaults hold every key, so any other key in the file is a mistake: each is reported, and dropped so that
     * the other problems are found in the same pass.
     */
    private static void dropUnknownKeys(ObjectNode defaults, ObjectNode file, String prefix, String source,
                                        List<String> problems) {
        for (String key : keys(file)) {
            JsonNode known = defaults.get(key);
            JsonNode given = file.get(key);
            if (known == null) {
                problems.add(prefix + key + ": unknown key in " + source + " (known here: " + keys(defaults) + ")");
                file.remove(key);
            } else if (known instanceof ObjectNode knownObject && given instanceof ObjectNode givenObject) {
                dropUnknownKeys(knownObject, givenObject, prefix + key + ".", source, problems);
            }
        }
    }

    private static List<String> keys(ObjectNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }

    /** Deep merge: mappings merge key by key, anything else in {@code overlay} replaces the default. */
    private static void merge(ObjectNode base, ObjectNode overlay) {
        for (Map.Entry<String, JsonNode> field : overlay.properties()) {
            JsonNode existing = base.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode overlayObject) {
                merge(existingObject, overlayObject);
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }

    private void applyEnvironment(ObjectNode tree, List<String> problems) {
        ObjectNode telegram = tree.withObjectProperty("telegram");
        ObjectNode link = tree.withObjectProperty("link");
        env(ENV_TOKEN).ifPresent(token -> telegram.put("token", token.trim()));
        env(ENV_API_URL).ifPresent(url -> telegram.put("apiUrl", url.trim()));
        env(ENV_ALLOWED_CHATS).ifPresent(list -> {
            ArrayNode chats = telegram.putArray("allowedChats");
            for (String part : list.split(",")) {
                String id = part.trim();
                if (id.isEmpty()) {
                    continue;
                }
                try {
                    chats.add(Long.parseLong(id));
                } catch (NumberFormatException e) {
                    problems.add(ENV_ALLOWED_CHATS + ": must be chat ids (whole numbers, negative for groups), got '"
                            + id + "'");
                }
            }
        });
        env(ENV_DATA_DIR).ifPresent(dir -> tree.put("dataDir", dir.trim()));
        env(ENV_LINK_BIND).ifPresent(bind -> link.put("bind", bind.trim()));
        env(ENV_LINK_PORT).ifPresent(port -> {
            try {
                link.put("port", Integer.parseInt(port.trim()));
            } catch (NumberFormatException e) {
                problems.add(ENV_LINK_PORT + ": must be a port number, got '" + port + "'");
            }
        });
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }

    private TelegramServerConfig bind(ObjectNode tree, String source, List<String> problems) {
        try {
            return yaml.treeToValue(tree, TelegramServerConfig.class);
        } catch (UnrecognizedPropertyException e) {
            problems.add(pathOf(e) + ": unknown key in " + source + " (known here: " + e.getKnownPropertyIds() + ")");
        } catch (JsonProcessingException e) {
            problems.add(pathOf(e) + ": bad value in " + source + ": " + e.getOriginalMessage());
        }
        return null;
    }

    private static String pathOf(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            StringBuilder path = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.toString();
        }
        return "?";
    }

    private static void validate(TelegramServerConfig config, boolean console, List<String> problems) {
        TelegramServerConfig.Telegram telegram = config.telegram();
        if (!console && (telegram.token() == null || telegram.token().isBlank())) {
            problems.add("No Telegram bot token. Create a bot by sending /newbot to @BotFather in Telegram, then set "
                    + ENV_TOKEN + " (or telegram.token in the configuration file). Use --console to run without "
                    + "Telegram.");
        }
        if (!console && telegram.allowedChats().isEmpty()) {
            problems.add("No allowed chats, so nobody could use the bot. Send any message to your bot, open "
                    + "https://api.telegram.org/bot<TOKEN>/getUpdates in a browser and copy message.chat.id, then set "
                    + ENV_ALLOWED_CHATS + " (comma-separated) or telegram.allowedChats.");
        }
        checkApiUrl(telegram.apiUrl(), problems);
        between(problems, "telegram.pollTimeoutSeconds", telegram.pollTimeoutSeconds(), 1, 50);
        between(problems, "telegram.pollBackoffMaxMs", telegram.pollBackoffMaxMs(), 500, 30_000);

        TelegramServerConfig.Link link = config.link();
        if (link.bind() == null || link.bind().isBlank()) {
            problems.add("link.bind: must be an address such as 127.0.0.1 (or set " + ENV_LINK_BIND + "), got nothing");
        }
        between(problems, "link.port", link.port(), 0, 65_535);
        if (config.dataDir() == null || config.dataDir().isBlank()) {
            problems.add("dataDir: must be a directory such as data (or set " + ENV_DATA_DIR + "), got nothing");
        }
        between(problems, "link.heartbeatIntervalMs", link.heartbeatIntervalMs(), 100, 600_000);

        between(problems, "routing.replyTimeoutMs", config.routing().replyTimeoutMs(), 50, 600_000);
        long maxAge = config.routing().maxCommandAgeSeconds();
        if (maxAge < 1 || maxAge > 86_400) {
            problems.add("routing.maxCommandAgeSeconds: must be between 1 and 86400 seconds (a command older than "
                    + "this when the server reads it is not run), got " + maxAge);
        }

        TelegramServerConfig.Sending sending = config.sending();
        between(problems, "sending.queueCapacity", sending.queueCapacity(), 1, 100_000);
        between(problems, "sending.intervalMs", sending.intervalMs(), 0, 600_000);
        between(problems, "sending.burst", sending.burst(), 1, 1_000);
        between(problems, "sending.retryMinDelayMs", sending.retryMinDelayMs(), 1, 600_000);
        between(problems, "sending.retryMaxDelayMs", sending.retryMaxDelayMs(), sending.retryMinDelayMs(), 600_000);
        between(problems, "sending.requestTimeoutMs", sending.requestTimeoutMs(), 100, 600_000);

        TelegramServerConfig.Logs logs = config.logs();
        if (logs.level() == null || !LOG_LEVELS.contains(logs.level().toUpperCase(Locale.ROOT))) {
            problems.add("logs.level: must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got '" + logs.level() + "'");
        }
        between(problems, "logs.flushIntervalMs", logs.flushIntervalMs(), 10, 600_000);
        between(problems, "logs.bufferLines", logs.bufferLines(), 1, 100_000);
    }

    private static void checkApiUrl(String apiUrl, List<String> problems) {
        String hint = "telegram.apiUrl (or " + ENV_API_URL + "): must be a base URL such as https://api.telegram.org or "
                + "http://127.0.0.1:8081, without a path";
        if (apiUrl == null || apiUrl.isBlank()) {
            problems.add(hint + ", got nothing");
            return;
        }
        try {
            URI uri = new URI(apiUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean pathless = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !pathless
                    || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
                problems.add(hint + ", got '" + apiUrl + "'");
            }
        } catch (URISyntaxException e) {
            problems.add(hint + ", got '" + apiUrl + "'");
        }
    }

    private static void between(List<String> problems, String key, long value, long min, long max) {
        if (value < min || value > max) {
            problems.add(key + ": must be between " + min + " and " + max + ", got " + value);
        }
    }
}
