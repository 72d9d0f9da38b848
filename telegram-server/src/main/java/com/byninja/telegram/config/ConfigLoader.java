package com.byninja.telegram.config;

import com.byninja.runtime.config.ConfigException;
import com.byninja.runtime.config.ConfigFiles;
import com.byninja.runtime.config.YamlConfig;
import com.byninja.protocol.commands.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the configuration: the built-in defaults (the shipped {@code config/telegram-server.yml}, carried in the jar),
 * overlaid with a YAML file, overlaid with environment variables, then validated in one pass: every problem once, one
 * line each, at the line of the file where its key is ({@code config/my.yml:7: link.port: must be a whole number
 * between 0 and 65535, got 70000}).
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
    private static final String USERS = "telegram.users";
    private static final Map<String, Role> ROLES = Map.of("viewer", Role.VIEWER, "trader", Role.TRADER, "admin",
            Role.ADMIN);
    /** The largest amount routing.confirmForcebuyAbove takes: far above any stake, far below a typo's reach. */
    private static final BigDecimal MAX_CONFIRM_ABOVE = new BigDecimal("1000000000");
    /** Environment variable to the key it sets; BYNINJA_TELEGRAM_ALLOWED_CHATS, a list, is set on its own. */
    private static final Map<String, String> ENV_KEYS = Map.of(
            ENV_TOKEN, "telegram.token",
            ENV_API_URL, "telegram.apiUrl",
            ENV_DATA_DIR, "dataDir",
            ENV_LINK_BIND, "link.bind",
            ENV_LINK_PORT, "link.port");

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
        YamlConfig config = YamlConfig.withDefaultsFrom(ConfigLoader.class, DEFAULTS_RESOURCE)
                .freeForm(USERS, null, String::strip);
        Optional<Path> source = ConfigFiles.choose(file, defaultFile);
        if (source.isPresent()) {
            LOG.info("Reading configuration from {}", source.get());
            config.readFile(source.get(), file.isPresent(), DEFAULT_FILE.toString());
        } else {
            LOG.info("No {} found: using the built-in defaults", defaultFile);
        }
        config.setFromEnvironment(env, ENV_KEYS);
        String chats = env.get(ENV_ALLOWED_CHATS);
        if (chats != null && !chats.isBlank()) {
            config.setFromEnvironment(ENV_ALLOWED_CHATS, "telegram.allowedChats",
                    Arrays.stream(chats.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList());
        }
        TelegramServerConfig result = read(config, console);
        config.conclude();
        return result;
    }

    private static TelegramServerConfig read(YamlConfig config, boolean console) {
        String token = config.text("telegram.token");
        List<Long> chats = allowedChats(config);
        String apiUrl = config.text("telegram.apiUrl");
        checkApiUrl(config, apiUrl);
        TelegramServerConfig.Telegram telegram = new TelegramServerConfig.Telegram(token, chats, apiUrl,
                config.wholeInt("telegram.pollTimeoutSeconds", 1, 50),
                config.whole("telegram.pollBackoffMaxMs", 500, 30_000),
                (int) config.whole("telegram.flappingWindowSeconds", 0, 86_400,
                        "seconds; 0 announces every connection and drop of a bot"), users(config));
        if (!console && config.valid("telegram.token") && token.isBlank()) {
            config.generalProblem("No Telegram bot token. Create a bot by sending /newbot to @BotFather in Telegram, "
                    + "then set " + ENV_TOKEN + " (or telegram.token in the configuration file). Use --console to run "
                    + "without Telegram.");
        }
        if (!console && chats.isEmpty() && config.valid("telegram.allowedChats")
                && config.valid(config.items("telegram.allowedChats").toArray(String[]::new))) {
            config.generalProblem("No allowed chats, so nobody could use the bot. Send any message to your bot, open "
                    + "https://api.telegram.org/bot<TOKEN>/getUpdates in a browser and copy message.chat.id, then set "
                    + ENV_ALLOWED_CHATS + " (comma-separated) or telegram.allowedChats.");
        }

        String bind = config.required("link.bind", "an address such as 127.0.0.1 (or set " + ENV_LINK_BIND + ")");
        TelegramServerConfig.Link link = new TelegramServerConfig.Link(bind,
                config.wholeInt("link.port", 0, 65_535), config.text("link.secretFile"),
                config.whole("link.heartbeatIntervalMs", 100, 600_000));
        String dataDir = config.required("dataDir", "a directory such as data (or set " + ENV_DATA_DIR + ")");

        TelegramServerConfig.Routing routing = new TelegramServerConfig.Routing(
                config.whole("routing.replyTimeoutMs", 50, 600_000),
                config.whole("routing.maxCommandAgeSeconds", 1, 86_400,
                        "seconds; a command older than this when the server reads it is not run"),
                config.whole("routing.confirmSeconds", 5, 3_600,
                        "seconds a dangerous command's confirmation waits for Yes or No"),
                config.decimal("routing.confirmForcebuyAbove", BigDecimal.ZERO, MAX_CONFIRM_ABOVE));

        long retryMin = config.whole("sending.retryMinDelayMs", 1, 600_000);
        long retryMax = config.whole("sending.retryMaxDelayMs", 1, 600_000);
        if (config.valid("sending.retryMinDelayMs", "sending.retryMaxDelayMs") && retryMax < retryMin) {
            config.conflict("sending.retryMaxDelayMs", "must be at least sending.retryMinDelayMs (" + retryMin
                    + "), got " + retryMax, "sending.retryMinDelayMs");
        }
        TelegramServerConfig.Sending sending = new TelegramServerConfig.Sending(
                config.wholeInt("sending.queueCapacity", 1, 100_000),
                config.whole("sending.intervalMs", 0, 600_000),
                config.wholeInt("sending.burst", 1, 1_000),
                retryMin, retryMax,
                config.whole("sending.requestTimeoutMs", 100, 600_000));

        TelegramServerConfig.Logs logs = new TelegramServerConfig.Logs(config.logLevel("logs.level"),
                config.whole("logs.flushIntervalMs", 10, 600_000),
                config.wholeInt("logs.bufferLines", 1, 100_000));
        return new TelegramServerConfig(telegram, link, routing, sending, logs, dataDir, watchdog(config),
                notifications(config));
    }

    private static TelegramServerConfig.Notifications notifications(YamlConfig config) {
        String zone = config.required("notifications.timeZone", "a time zone such as UTC, Europe/Berlin or +02:00");
        if (!config.valid("notifications.timeZone") || zone.isBlank()) {
            return TelegramServerConfig.Notifications.DEFAULTS;
        }
        try {
            java.time.ZoneId.of(zone);
            return new TelegramServerConfig.Notifications(zone);
        } catch (java.time.DateTimeException e) {
            config.problem("notifications.timeZone", "must be a time zone such as UTC, Europe/Berlin or +02:00, got \""
                    + zone + "\"");
            return TelegramServerConfig.Notifications.DEFAULTS;
        }
    }

    private static TelegramServerConfig.Watchdog watchdog(YamlConfig config) {
        long repeatFirst = config.whole("watchdog.repeatFirstSeconds", 1, 86_400);
        long repeatMax = config.whole("watchdog.repeatMaxSeconds", 1, 604_800);
        if (config.valid("watchdog.repeatFirstSeconds", "watchdog.repeatMaxSeconds") && repeatMax < repeatFirst) {
            config.conflict("watchdog.repeatMaxSeconds", "must be at least watchdog.repeatFirstSeconds ("
                    + repeatFirst + "), got " + repeatMax, "watchdog.repeatFirstSeconds");
        }
        return new TelegramServerConfig.Watchdog(config.bool("watchdog.enabled"),
                config.whole("watchdog.downAfterSeconds", 1, 86_400),
                config.whole("watchdog.stalePricesAfterSeconds", 1, 86_400),
                config.whole("watchdog.exchangeErrorsAfterSeconds", 1, 86_400),
                repeatFirst, repeatMax);
    }

    /**
     * @return each user's role by Telegram user id ({@code telegram.users: {123456789: admin, 777: viewer}}); every
     *         key that is no user id and every value that is no role is a problem at its line, and so are users none of
     *         whom is an admin, since nobody could then stop every bot
     */
    private static Map<Long, Role> users(YamlConfig config) {
        JsonNode node = config.node(USERS);
        if (node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            config.problem(USERS, "must be a mapping of Telegram user ids to roles, such as {123456789: admin, 777: "
                    + "viewer}, got " + YamlConfig.describe(node));
            return Map.of();
        }
        Map<Long, Role> users = new LinkedHashMap<>();
        boolean allRead = true;
        for (String name : config.names(USERS)) {
            String key = USERS + "." + name;
            Long id = null;
            try {
                id = Long.parseLong(name.strip());
            } catch (NumberFormatException e) {
                // said below
            }
            if (id == null || id <= 0) {
                config.problem(key, "must be a Telegram user id (a positive whole number, as message.from.id in "
                        + "getUpdates), got \"" + name + "\"");
                allRead = false;
                continue;
            }
            JsonNode value = config.node(key);
            String role = value.isValueNode() && !value.isNull() ? value.asText().strip().toLowerCase(Locale.ROOT)
                    : "";
            if (!ROLES.containsKey(role)) {
                config.problem(key, "must be viewer, trader or admin, got " + YamlConfig.describe(value));
                allRead = false;
                continue;
            }
            users.put(id, ROLES.get(role));
        }
        if (allRead && !users.isEmpty() && !users.containsValue(Role.ADMIN)) {
            config.problem(USERS, "names no admin, so nobody could send /panic or stop trading on every symbol; make "
                    + "at least one user admin");
        }
        return users;
    }

    /** @return the chat ids; a single id stands for a list of one */
    private static List<Long> allowedChats(YamlConfig config) {
        JsonNode node = config.node("telegram.allowedChats");
        if (node.isObject()) {
            config.problem("telegram.allowedChats", "must be a list of chat ids such as [123456789, -1001234567890], "
                    + "got a mapping");
            return List.of();
        }
        List<Long> chats = new ArrayList<>();
        for (String item : config.items("telegram.allowedChats")) {
            JsonNode id = config.node(item);
            try {
                chats.add(Long.parseLong(id.isValueNode() ? id.asText().trim() : ""));
            } catch (NumberFormatException e) {
                config.problem(item, "must be a chat id (a whole number, negative for groups), got "
                        + YamlConfig.describe(id));
            }
        }
        return chats;
    }

    private static void checkApiUrl(YamlConfig config, String apiUrl) {
        if (!config.valid("telegram.apiUrl")) {
            return;
        }
        String must = "must be a base URL such as https://api.telegram.org or http://127.0.0.1:8081, without a path";
        if (apiUrl.isBlank()) {
            config.problem("telegram.apiUrl", must + ", got nothing");
            return;
        }
        try {
            URI uri = new URI(apiUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean pathless = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !pathless
                    || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
                config.problem("telegram.apiUrl", must + ", got \"" + apiUrl + "\"");
            }
        } catch (URISyntaxException e) {
            config.problem("telegram.apiUrl", must + ", got \"" + apiUrl + "\"");
        }
    }
}
