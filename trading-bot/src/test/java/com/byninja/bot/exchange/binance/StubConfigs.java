package com.byninja.bot.exchange.binance;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.config.ConfigLoader;
import com.byninja.runtime.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;

/** Configurations that point the bot at a {@link BinanceStub}. */
final class StubConfigs {

    static final Map<String, String> KEYS = Map.of("BYNINJA_EXCHANGE_API_KEY", "stub-key-AAAA",
            "BYNINJA_EXCHANGE_API_SECRET", "stub-secret-BBBB");

    private StubConfigs() {
    }

    static BotConfig paper(Path dir, BinanceStub stub, String more) {
        return load(Map.of(), dir, stub, "paper", more);
    }

    static BotConfig live(Path dir, BinanceStub stub, String more) {
        return load(KEYS, dir, stub, "live", more);
    }

    static BotConfig live(Path dir, BinanceStub stub, int readTimeoutMs) {
        return load(KEYS, dir, stub, "live", "", readTimeoutMs);
    }

    static BotConfig live(Path dir, BinanceStub stub, int readTimeoutMs, String more) {
        return load(KEYS, dir, stub, "live", more, readTimeoutMs);
    }

    private static BotConfig load(Map<String, String> env, Path dir, BinanceStub stub, String mode, String more) {
        return load(env, dir, stub, mode, more, 2000);
    }

    private static BotConfig load(Map<String, String> env, Path dir, BinanceStub stub, String mode, String more,
                                  int readTimeoutMs) {
        String yaml = """
                dataDir: %s
                exchange:
                  type: binance
                  mode: %s
                  baseUrl: %s
                  connectTimeoutMs: 1000
                  readTimeoutMs: %d
                  readRetries: 2
                  retryMaxDelayMs: 2000
                  failureAlertAfter: 3
                """.formatted(dir.toString().replace("\\", "/"), mode, stub.baseUrl(), readTimeoutMs)
                // A test that sets the link says so in its own section; a key written twice is a problem.
                + (more.lines().anyMatch("link:"::equals) ? "" : "link:\n  enabled: false\n") + more;
        try {
            return new ConfigLoader(env).loadYaml(yaml, "test").config();
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
