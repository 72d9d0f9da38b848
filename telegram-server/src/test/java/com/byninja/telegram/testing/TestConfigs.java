package com.byninja.telegram.testing;

import com.byninja.protocol.commands.Role;
import com.byninja.telegram.config.TelegramServerConfig;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Configurations for tests: an ephemeral link port, fast timeouts and pacing. */
public final class TestConfigs {
    /** Shaped like a real token, so that scrubbing by shape is exercised too. */
    public static final String TOKEN = "123456789:AAtestTOKENabcdefghijklmnopqrstuvwxyz12";

    private TestConfigs() {
    }

    public static TelegramServerConfig forApi(String apiUrl, List<Long> allowedChats) {
        return new TelegramServerConfig(
                new TelegramServerConfig.Telegram(TOKEN, allowedChats, apiUrl, 2, 1_000, 300),
                new TelegramServerConfig.Link("127.0.0.1", 0, "unused", 5_000),
                new TelegramServerConfig.Routing(1_000, 30),
                new TelegramServerConfig.Sending(50, 100, 3, 50, 200, 5_000),
                new TelegramServerConfig.Logs("WARN", 100, 20), "unused");
    }

    public static TelegramServerConfig withReplyTimeout(TelegramServerConfig config, long ms) {
        return new TelegramServerConfig(config.telegram(), config.link(), new TelegramServerConfig.Routing(ms,
                config.routing().maxCommandAgeSeconds()),
                config.sending(), config.logs(), config.dataDir(), config.watchdog());
    }

    /** @return {@code config} with another flapping window, in seconds */
    public static TelegramServerConfig withFlappingWindow(TelegramServerConfig config, int seconds) {
        TelegramServerConfig.Telegram t = config.telegram();
        return new TelegramServerConfig(new TelegramServerConfig.Telegram(t.token(), t.allowedChats(), t.apiUrl(),
                t.pollTimeoutSeconds(), t.pollBackoffMaxMs(), seconds, t.users()), config.link(), config.routing(),
                config.sending(), config.logs(), config.dataDir(), config.watchdog());
    }

    public static TelegramServerConfig withSending(TelegramServerConfig config, TelegramServerConfig.Sending sending) {
        return new TelegramServerConfig(config.telegram(), config.link(), config.routing(), sending, config.logs(),
                config.dataDir(), config.watchdog());
    }

    /**
     * @return {@code config} whose dangerous commands wait {@code confirmSeconds} for Yes or No, and whose forcebuys
     *         above {@code confirmForcebuyAbove} ask too
     */
    public static TelegramServerConfig withConfirmations(TelegramServerConfig config, long confirmSeconds,
                                                         String confirmForcebuyAbove) {
        TelegramServerConfig.Routing r = config.routing();
        return new TelegramServerConfig(config.telegram(), config.link(), new TelegramServerConfig.Routing(
                r.replyTimeoutMs(), r.maxCommandAgeSeconds(), confirmSeconds, new BigDecimal(confirmForcebuyAbove)),
                config.sending(), config.logs(), config.dataDir(), config.watchdog());
    }

    /** @return {@code config} with these roles by Telegram user id */
    public static TelegramServerConfig withUsers(TelegramServerConfig config, Map<Long, Role> users) {
        TelegramServerConfig.Telegram t = config.telegram();
        return new TelegramServerConfig(new TelegramServerConfig.Telegram(t.token(), t.allowedChats(), t.apiUrl(),
                t.pollTimeoutSeconds(), t.pollBackoffMaxMs(), t.flappingWindowSeconds(), users), config.link(),
                config.routing(), config.sending(), config.logs(), config.dataDir(), config.watchdog());
    }

    /** @return {@code config} with another watchdog */
    public static TelegramServerConfig withWatchdog(TelegramServerConfig config,
                                                    TelegramServerConfig.Watchdog watchdog) {
        return new TelegramServerConfig(config.telegram(), config.link(), config.routing(), config.sending(),
                config.logs(), config.dataDir(), watchdog);
    }
}
