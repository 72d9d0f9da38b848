package com.byninja.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario 6: SIGTERM to each daemon: exit 0 within 5 s, and a consistent database. */
class ShutdownIT {

    @Test
    void bothDaemonsExitCleanlyOnSigtermAndTheDatabaseStaysConsistent(@TempDir Path dir) throws Exception {
        try (Deployment d = new Deployment(dir, "risk:\n  stopLossPct: 0\n  takeProfitPct: 0\n")) {
            d.startBoth();
            d.ask("/forcebuy BTC/USDT 25", "Opened BTC/USDT: bought");
            d.ask("/disablesell ETH/USDT", "Selling disabled for ETH/USDT");

            int chatBefore = d.chat().size();
            assertThat(d.bot.terminate(Duration.ofSeconds(5))).as("trading-bot exit code on SIGTERM").isZero();
            d.awaitChat(chatBefore, "alpha disconnected");
            assertThat(d.query("PRAGMA integrity_check")).containsExactly("ok");
            assertThat(d.count("SELECT COUNT(*) FROM positions")).isEqualTo(1);
            assertThat(d.count("SELECT COUNT(*) FROM orders WHERE status = 'NEW'"))
                    .as("no order left in flight").isZero();
            assertThat(d.query("SELECT sell FROM control WHERE scope = 'ETH/USDT'")).containsExactly("0");
            assertThat(d.bot.read("logs/trading-bot.log")).contains("stopped");

            assertThat(d.telegram.terminate(Duration.ofSeconds(5))).as("telegram-server exit code on SIGTERM")
                    .isZero();
        }
    }
}
