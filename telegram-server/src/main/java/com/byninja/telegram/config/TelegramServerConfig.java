package com.byninja.telegram.config;

import com.byninja.protocol.commands.Role;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The whole, validated configuration of the daemon. Built by {@link ConfigLoader}; {@link #toString()} masks the token.
 *
 * @param telegram the Bot API side
 * @param link     the link server the trading bots connect to
 * @param routing  command routing
 * @param sending  outgoing message pacing and retries
 * @param logs     relaying of the bots' log lines
 * @param dataDir  the daemon's data directory, where the link secret file is by default
 * @param watchdog the escalation of bots that drop, have stale prices or exchange errors
 */
public record TelegramServerConfig(
        Telegram telegram, Link link, Routing routing, Sending sending, Logs logs, String dataDir,
        Watchdog watchdog, Notifications notifications) {

    /** With the notifications' defaults. */
    public TelegramServerConfig(Telegram telegram, Link link, Routing routing, Sending sending, Logs logs,
                                String dataDir, Watchdog watchdog) {
        this(telegram, link, routing, sending, logs, dataDir, watchdog, Notifications.DEFAULTS);
    }

    /** With the watchdog's defaults. */
    public TelegramServerConfig(Telegram telegram, Link link, Routing routing, Sending sending, Logs logs,
                                String dataDir) {
        this(telegram, link, routing, sending, logs, dataDir, Watchdog.DEFAULTS);
    }

    /** The name of the link secret file in {@link #dataDir()}, the same as the trading bot's. */
    public static final String SECRET_FILE_NAME = "link.secret";

    /** @return {@code link.secretFile} when set, else {@code <dataDir>/link.secret} */
    public Path linkSecretFile() {
        return link.secretFile() == null || link.secretFile().isBlank() ? Path.of(dataDir, SECRET_FILE_NAME)
                                                                        : Path.of(link.secretFile());
    }

    /**
     * @param token              the bot token, empty when not set
     * @param allowedChats       chat ids allowed to command the bots
     * @param apiUrl             base URL of the Bot API, such as {@code https://api.telegram.org}
     * @param pollTimeoutSeconds long poll duration of one {@code getUpdates}
     * @param pollBackoffMaxMs   cap of the polling retry backoff
     * @param flappingWindowSeconds a bot that drops again within this time of its last change is flapping: its
     *                              episode is announced once, not every connection and drop; 0 announces every one
     * @param users              each person's role by Telegram user id; empty: every member of an allowed chat is an
     *                           admin
     */
    public record Telegram(String token, List<Long> allowedChats, String apiUrl, int pollTimeoutSeconds,
                           long pollBackoffMaxMs, int flappingWindowSeconds, Map<Long, Role> users) {
        public Telegram {
            allowedChats = allowedChats == null ? List.of() : List.copyOf(allowedChats);
            users = users == null ? Map.of() : Map.copyOf(users);
        }

        /** Without users: every member of an allowed chat is an admin. */
        public Telegram(String token, List<Long> allowedChats, String apiUrl, int pollTimeoutSeconds,
                        long pollBackoffMaxMs, int flappingWindowSeconds) {
            this(token, allowedChats, apiUrl, pollTimeoutSeconds, pollBackoffMaxMs, flappingWindowSeconds, Map.of());
        }

        @Override
        public String toString() {
            return "Telegram[token=" + (token == null || token.isEmpty() ? "<none>" : "***")
                    + ", allowedChats=" + allowedChats + ", apiUrl=" + apiUrl
                    + ", pollTimeoutSeconds=" + pollTimeoutSeconds + ", pollBackoffMaxMs=" + pollBackoffMaxMs
                    + ", flappingWindowSeconds=" + flappingWindowSeconds + ", users=" + users + "]";
        }
    }

    /**
     * @param bind                address the link server listens on
     * @param port                its TCP port, 0 for an ephemeral one
     * @param secretFile          file holding the shared secret, used when BYNINJA_LINK_SECRET is not set; empty
     *                            for {@code <dataDir>/link.secret}
     * @param heartbeatIntervalMs link heartbeat interval
     */
    public record Link(String bind, int port, String secretFile, long heartbeatIntervalMs) {
    }

    /**
     * @param replyTimeoutMs       how long to wait for a command's reply
     * @param maxCommandAgeSeconds a command older than this when read (by its Telegram date) is not run
     * @param confirmSeconds       how long a dangerous command's confirmation waits for Yes or No
     * @param confirmForcebuyAbove a {@code /forcebuy} of a larger amount (in the quote currency) asks for a
     *                             confirmation; zero for never
     */
    public record Routing(long replyTimeoutMs, long maxCommandAgeSeconds, long confirmSeconds,
                          BigDecimal confirmForcebuyAbove) {
        /** With the default confirmation time and no confirmation of a forcebuy by its amount. */
        public Routing(long replyTimeoutMs, long maxCommandAgeSeconds) {
            this(replyTimeoutMs, maxCommandAgeSeconds, 30, BigDecimal.ZERO);
        }
    }

    /**
     * @param queueCapacity    messages waiting per chat, at most
     * @param intervalMs       pacing: one message per interval per chat
     * @param burst            messages that may go out at once after a quiet spell
     * @param retryMinDelayMs  first retry delay after a network error
     * @param retryMaxDelayMs  cap of the retry delay
     * @param requestTimeoutMs longest time of one send call
     */
    public record Sending(int queueCapacity, long intervalMs, int burst, long retryMinDelayMs, long retryMaxDelayMs,
                          long requestTimeoutMs) {
    }

    /**
     * @param level           lowest relayed log level (TRACE, DEBUG, INFO, WARN, ERROR, OFF)
     * @param flushIntervalMs how often gathered log lines are sent
     * @param bufferLines     log lines kept per chat before the oldest are dropped
     */
    public record Logs(String level, long flushIntervalMs, int bufferLines) {
    }

    /**
     * @param enabled                    whether the bots are watched at all
     * @param downAfterSeconds           a bot that dropped (not stopped on purpose) and is not back after this long
     *                                   is escalated
     * @param stalePricesAfterSeconds    a bot whose status shows a price this old, or none for this long since it
     *                                   started, is escalated
     * @param exchangeErrorsAfterSeconds a bot whose exchange errors are not over after this long is escalated
     * @param repeatFirstSeconds         the first reminder of an escalation comes this long after it; each next one
     *                                   twice as long after the one before
     * @param repeatMaxSeconds           the longest time between two reminders
     */
    public record Watchdog(boolean enabled, long downAfterSeconds, long stalePricesAfterSeconds,
                           long exchangeErrorsAfterSeconds, long repeatFirstSeconds, long repeatMaxSeconds) {
        /** The shipped configuration's values. */
        public static final Watchdog DEFAULTS = new Watchdog(true, 120, 300, 300, 300, 3_600);
    }

    /**
     * {@code notifications.*}: each chat sets its own with {@code /notify}, kept in {@code notifications.json} of the
     * data directory.
     *
     * @param timeZone the zone of the quiet hours and the daily digest, as written (checked when read)
     */
    public record Notifications(String timeZone) {
        /** The shipped configuration's values. */
        public static final Notifications DEFAULTS = new Notifications("UTC");

        /** @return the zone of the quiet hours and the daily digest */
        public java.time.ZoneId zone() {
            return java.time.ZoneId.of(timeZone);
        }
    }
}
