package com.byninja.system;

import static org.awaitility.Awaitility.await;

import com.byninja.telegram.testing.FakeBotApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConfig;

/**
 * One deployment of the whole system on this machine: a fake Telegram Bot API, the telegram-server jar and the
 * trading-bot jar, each daemon in its own working directory with its own data and logs, on free ports, sharing a
 * fixed link secret. The benchmarks use it too.
 */
public final class Deployment implements AutoCloseable {
    public static final long OWNER = 4242L;
    public static final long STRANGER = 6666L;
    public static final String TOKEN = "123456:system-test-token";
    public static final String SECRET = "system-test-link-secret-0123456789";
    public static final String BOT = "alpha";

    private static final Path BOT_JAR = jar("byninja.tradingBotJar", "trading-bot");
    private static final Path TELEGRAM_JAR = jar("byninja.telegramServerJar", "telegram-server");

    public final FakeBotApi api;
    public final Path root;
    public final int linkPort;
    private String botYaml;
    private final String telegramSending;
    private String telegramExtra = "";
    public Daemon telegram;
    public Daemon bot;
    private final List<Daemon> others = new ArrayList<>();

    /**
     * @param root         an empty directory for both daemons
     * @param botOverrides YAML lines appended to the bot's test configuration (keys not already in it)
     */
    public Deployment(Path root, String botOverrides) throws IOException {
        this(root, botOverrides, """
                sending:
                  intervalMs: 20
                  burst: 20
                  retryMinDelayMs: 50
                  retryMaxDelayMs: 500
                """);
    }

    /**
     * @param root            an empty directory for both daemons
     * @param botOverrides    YAML appended to the bot's test configuration, or, when it starts with {@code name:},
     *                        the whole bot configuration less its link section
     * @param telegramSending the telegram-server's {@code sending} section
     */
    public Deployment(Path root, String botOverrides, String telegramSending) throws IOException {
        this.root = root;
        this.api = new FakeBotApi(TOKEN);
        this.linkPort = freePort();
        this.telegramSending = telegramSending;
        this.botYaml = botYaml(botOverrides);
        writeTelegramConfig(linkPort);
    }

    /**
     * @param botOverrides YAML appended to the bot's test configuration, or, when it starts with {@code name:}, the
     *                     whole bot configuration less its link section
     * @return the bot's configuration
     */
    private static String botYaml(String botOverrides) {
        return botOverrides.startsWith("name:") ? botOverrides : botConfig("", "", botOverrides);
    }

    /**
     * The system tests' bot: named alpha, 100 ms prices on the simulator, and a strategy that never trades (RSI below
     * 0 or above 100 never happens), so every order in a scenario is one the owner forced and can be counted exactly.
     *
     * @param risk      lines of its {@code risk} section, or empty
     * @param simulator more lines of its {@code simulator} section, or empty
     * @param extra     more top-level keys not set here, such as {@code symbols}, or empty
     * @return the whole configuration less its link section
     */
    public static String botConfig(String risk, String simulator, String extra) {
        return """
                name: alpha
                timeframe: 1m
                marketData:
                  pollIntervalMs: 100
                strategy:
                  name: rsi
                  rsi:
                    oversold: 0
                    overbought: 100
                simulator:
                  tickIntervalMs: 100
                %s
                %s
                %s
                """.formatted(indent(simulator), risk.isBlank() ? "" : "risk:\n" + indent(risk), extra);
    }

    private static String indent(String lines) {
        return lines.strip().lines().map(l -> "  " + l).reduce((x, y) -> x + "\n" + y).orElse("");
    }

    /** Gives the bot another configuration from its next start on, as an owner editing its file would. */
    public void reconfigureBot(String botOverrides) {
        this.botYaml = botYaml(botOverrides);
    }

    /** Edits the running bot's configuration file, as an owner would before sending /reload. */
    public void rewriteBotConfig(String botOverrides) throws IOException {
        this.botYaml = botYaml(botOverrides);
        writeBotConfig(root.resolve("bot"), linkPort);
    }

    /** @return the jar named by the system property, else the module's jar seen from the root or a sibling module */
    private static Path jar(String property, String module) {
        String configured = System.getProperty(property);
        if (configured != null) {
            return Path.of(configured);
        }
        Path fromRoot = Path.of(module, "target", module + ".jar");
        return Files.exists(fromRoot) ? fromRoot : Path.of("..", module, "target", module + ".jar");
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void writeTelegramConfig(int port) throws IOException {
        Path dir = root.resolve("telegram").resolve("config");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("telegram-server.yml"), """
                link:
                  port: %d
                  heartbeatIntervalMs: 500
                routing:
                  replyTimeoutMs: 5000
                %s
                logs:
                  flushIntervalMs: 300
                telegram:
                  pollTimeoutSeconds: 2
                  # The scenarios here restart and cut the bot again and again and watch for each connection and
                  # drop; a flapping bot announced once per episode is pinned by the telegram-server's
                  # ChatControlTest.
                  flappingWindowSeconds: 0
                %s
                """.formatted(port, telegramSending.strip(), telegramExtra.strip()));
    }

    /**
     * Gives the telegram-server more configuration from its next start on, such as a {@code watchdog} section.
     *
     * @param yaml top-level sections not already in its test configuration
     */
    public void configureTelegram(String yaml) throws IOException {
        this.telegramExtra = yaml;
        writeTelegramConfig(linkPort);
    }

    /** Starts (or restarts) the telegram-server and waits until it listens. */
    public Daemon startTelegram() throws IOException {
        telegram = Daemon.start("telegram-server", TELEGRAM_JAR, root.resolve("telegram"), telegramEnv());
        telegram.awaitOutput("listening on 127\\.0\\.0\\.1:" + linkPort, Duration.ofSeconds(20));
        return telegram;
    }

    /** @return the telegram-server's environment: the fake Bot API, the owner's chat, the link secret, logs/ */
    public Map<String, String> telegramEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("BYNINJA_TELEGRAM_TOKEN", TOKEN);
        env.put("BYNINJA_TELEGRAM_ALLOWED_CHATS", String.valueOf(OWNER));
        env.put("BYNINJA_TELEGRAM_API_URL", api.url());
        env.put("BYNINJA_LINK_SECRET", SECRET);
        env.put("BYNINJA_LOG_DIR", "logs");
        return env;
    }

    /** @return the trading-bot's runnable jar */
    public static Path botJar() {
        return BOT_JAR;
    }

    /** @return the telegram-server's runnable jar */
    public static Path telegramJar() {
        return TELEGRAM_JAR;
    }

    /** Starts (or restarts) the trading bot, connecting to {@code port} (the server's, or a proxy's). */
    public Daemon startBot(int port) throws IOException {
        bot = launchBot(root.resolve("bot"), port);
        return bot;
    }

    /**
     * Starts one more trading-bot process with the same configuration, and so the same name, in its own directory
     * under the root (its own database, which is locked per directory, and its own logs). Killed on {@link #close()}.
     */
    public Daemon startAnotherBot(String directory) throws IOException {
        Daemon another = launchBot(root.resolve(directory), linkPort);
        others.add(another);
        return another;
    }

    private Daemon launchBot(Path dir, int port) throws IOException {
        writeBotConfig(dir, port);
        Map<String, String> env = new HashMap<>();
        env.put("BYNINJA_LINK_SECRET", SECRET);
        env.put("BYNINJA_DATA_DIR", "data");
        env.put("BYNINJA_LOG_DIR", "logs");
        return Daemon.start("trading-bot", BOT_JAR, dir, env);
    }

    /** Writes the bot's configuration, {@code config/trading-bot.yml} under {@code dir}, its working directory. */
    private void writeBotConfig(Path dir, int port) throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config").resolve("trading-bot.yml"), botYaml + """
                link:
                  port: %d
                  heartbeatIntervalMs: 500
                  reconnectMinDelayMs: 100
                  reconnectMaxDelayMs: 1000
                """.formatted(port));
    }

    public Daemon startBot() throws IOException {
        return startBot(linkPort);
    }

    /** Starts both daemons and waits until the owner's chat hears that the bot connected. */
    public void startBoth() throws IOException {
        startTelegram();
        int before = chat().size();
        startBot();
        awaitChat(before, "alpha connected");
    }

    // ---- the chat ----

    /** The owner types {@code text}. @return how many messages the chat had before, for {@link #awaitChat} */
    public int say(String text) {
        int before = chat().size();
        api.userSends(OWNER, text);
        return before;
    }

    /** @return every text sent to the owner's chat so far, as the owner reads it: HTML markup removed. */
    public List<String> chat() {
        return api.textsTo(OWNER).stream().map(Deployment::plain).toList();
    }

    public static String plain(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    /** Waits for a message after index {@code from} in the owner's chat matching {@code regex}; @return it */
    public String awaitChat(int from, String regex) {
        Pattern p = Pattern.compile(regex, Pattern.DOTALL);
        String[] found = new String[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(25))
                .failFast("telegram-server died", () -> telegram != null && !telegram.isAlive())
                .alias("a chat message matching /" + regex + "/; the chat so far:\n" + String.join("\n--\n",
                        lastOf(chat(), 15)))
                .until(() -> {
                    List<String> all = chat();
                    for (int i = from; i < all.size(); i++) {
                        if (p.matcher(all.get(i)).find()) {
                            found[0] = all.get(i);
                            return true;
                        }
                    }
                    return false;
                });
        return found[0];
    }

    /**
     * Waits for a question asking to confirm a dangerous command, sent to the owner's chat after index {@code from}.
     *
     * @return it, with its message id and buttons
     */
    public FakeBotApi.Sent question(int from) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(25))
                .alias("a question to confirm after message " + from)
                .until(() -> questionAfter(from) != null);
        return questionAfter(from);
    }

    private FakeBotApi.Sent questionAfter(int from) {
        List<FakeBotApi.Sent> sent = api.sentTo(OWNER);
        for (int i = from; i < sent.size(); i++) {
            if (sent.get(i).text().startsWith("⚠️ Confirm") && !sent.get(i).replyMarkup().isMissingNode()) {
                return sent.get(i);
            }
        }
        return null;
    }

    /** The owner presses Yes under {@code question}. */
    public void pressYes(FakeBotApi.Sent question) {
        String data = question.replyMarkup().path("inline_keyboard").get(0).get(0).path("callback_data").asText();
        api.userPresses(OWNER, OWNER, question.messageId(), data);
    }

    /**
     * Sends a dangerous command as the owner, presses Yes under the question it asks, and waits for the answer
     * matching {@code regex}.
     */
    public String confirm(String command, String regex) {
        int before = say(command);
        pressYes(question(before));
        return awaitChat(before, regex);
    }

    /** Sends a command as the owner and waits for the answer matching {@code regex}. */
    public String ask(String command, String regex) {
        return awaitChat(say(command), regex);
    }

    private static List<String> lastOf(List<String> l, int n) {
        return new ArrayList<>(l.subList(Math.max(0, l.size() - n), l.size()));
    }

    // ---- the bot's database ----

    public Path database() {
        return root.resolve("bot").resolve("data").resolve("alpha-simulated-paper.db");
    }

    /** Runs a read-only query on the bot's database and returns the first column of every row, as text. */
    public List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection c = readOnly.createConnection("jdbc:sqlite:" + database());
                Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }

    public long count(String sql) throws SQLException {
        return Long.parseLong(query(sql).get(0));
    }

    @Override
    public void close() throws IOException {
        for (Daemon another : others) {
            another.close();
        }
        if (bot != null) {
            bot.close();
        }
        if (telegram != null) {
            telegram.close();
        }
        api.close();
    }
}
