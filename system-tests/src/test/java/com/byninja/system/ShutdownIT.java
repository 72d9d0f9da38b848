package com.byninja.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 6: SIGTERM to each daemon: exit 0 within 5 s, and a consistent database; a call the exchange does not
 * answer is cut off, said, and does not hold up the stop.
 */
class ShutdownIT {

    @Test
    void bothDaemonsExitCleanlyOnSigtermAndTheDatabaseStaysConsistent(@TempDir Path dir) throws Exception {
        try (Deployment d = new Deployment(dir, "risk:\n  stopLossPct: 0\n  takeProfitPct: 0\n")) {
            d.startBoth();
            d.ask("/forcebuy BTC/USDT 25", "BTC/USDT: Opened by /forcebuy: bought");
            d.ask("/disablesell ETH/USDT", "Selling disabled for ETH/USDT");

            int chatBefore = d.chat().size();
            assertThat(d.bot.terminate(Duration.ofSeconds(5))).as("trading-bot exit code on SIGTERM").isZero();
            d.awaitChat(chatBefore, "alpha disconnected");
            assertThat(d.query("PRAGMA integrity_check")).containsExactly("ok");
            assertThat(d.count("SELECT COUNT(*) FROM positions")).isEqualTo(1);
            assertThat(d.count("SELECT COUNT(*) FROM orders WHERE status = 'NEW'"))
                    .as("no order left in flight").isZero();
            assertThat(d.query("SELECT sell FROM control WHERE scope = 'ETH/USDT'")).containsExactly("0");
            assertThat(d.bot.read("logs/trading-bot-alpha.log")).contains("stopped");

            assertThat(d.telegram.terminate(Duration.ofSeconds(5))).as("telegram-server exit code on SIGTERM")
                    .isZero();
        }
    }

    @Test
    void aStopWhileAnOrderWaitsForTheExchangeNamesTheOrderCutOffAndStillAlertsTheStop(@TempDir Path dir)
            throws Exception {
        // The simulated exchange answers orders after 10 s, like a hung real one.
        try (Deployment d = new Deployment(dir, Deployment.botConfig("", "orderLatencyMs: 10000", ""))) {
            d.startBoth();
            String reply = d.ask("/forcebuy BTC/USDT 25", "Buying BTC/USDT for 25\\.00 USDT at market \\(order ");
            String order = reply.replaceAll("(?s).*\\(order ([^)]+)\\).*", "$1");
            d.bot.awaitOutput(Pattern.quote(order) + " BUY BTC/USDT 25\\.00 USDT \\(force-buy\\)",
                    Duration.ofSeconds(10));

            int chatBefore = d.chat().size();
            long sigterm = System.nanoTime();
            assertThat(d.bot.terminate(Duration.ofSeconds(5))).as("exit code on SIGTERM").isZero();

            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sigterm)).isLessThan(5_000);
            String cutOff = "rder " + order + " (BUY BTC/USDT 25 USDT) had no answer from the exchange";
            assertThat(Daemon.messages(d.bot.read("logs/trading-bot-alpha.log"))).containsSubsequence(
                    "stop requested by its owner (SIGTERM): shutting alpha down",
                    "stopping: o" + cutOff + " after 1.5 s and was cut off; it stays NEW and is looked up at the next "
                            + "start",
                    "alert: Stopped by its owner (SIGTERM); 0 open positions kept. O" + cutOff + " yet; "
                            + "it stays NEW and is looked up at the next start",
                    "alpha stopped by its owner (SIGTERM)");
            d.awaitChat(chatBefore, "^⏹️ alpha: " + Pattern.quote("Stopped by its owner (SIGTERM); 0 open positions "
                    + "kept. O" + cutOff + " yet; it stays NEW and is looked up at the next start")
                    + "$");
            d.awaitChat(chatBefore, "^🔴 alpha disconnected: stopped by its owner \\(SIGTERM\\)\\.$");
            assertThat(d.query("SELECT status FROM orders WHERE client_order_id = '" + order + "'"))
                    .containsExactly("NEW");
        }
    }
}
