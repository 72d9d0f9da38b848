package com.byninja.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios 3 and 4: either daemon dies by kill -9; the other goes on, and nothing is lost or done twice. */
class IsolationIT {

    @Test
    void theBotTradesOnWhileTheTelegramServerIsDeadAndItsAlertsArriveAfterTheRestart(@TempDir Path dir)
            throws Exception {
        // Stop and target at 1.5 % on a price moving about 0.18 % per 100 ms tick: the position closes after about
        // 7 s, almost never within the fraction of a second before the kill (~1e-6), nor after 60 s (~3e-5).
        String volatileBot = Deployment.botConfig("stopLossPct: 1.5\ntakeProfitPct: 1.5",
                "markets:\n  BTC/USDT:\n    volatilityPct: 3200", "");
        try (Deployment d = new Deployment(dir, volatileBot)) {
            d.startBoth();
            d.ask("/forcebuy BTC/USDT 100", "BTC/USDT: Opened by /forcebuy: bought");
            d.telegram.kill9();
            long logBefore = d.bot.read("logs/trading-bot-alpha.log").length();

            // The bot goes on alone: the position hits its stop or target, and the trade lands in the database.
            await().atMost(Duration.ofSeconds(60)).until(() -> d.count("SELECT COUNT(*) FROM trades") == 1);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> d.bot.read("logs/trading-bot-alpha.log").length() > logBefore);
            assertThat(d.bot.isAlive()).isTrue();
            String exit = d.query("SELECT exit_purpose FROM trades").get(0);

            int chatBefore = d.chat().size();
            long restartedAt = System.nanoTime();
            d.startTelegram();
            d.awaitChat(chatBefore, "alpha connected");
            assertThat(Duration.ofNanos(System.nanoTime() - restartedAt)).as("reconnected within a few seconds")
                    .isLessThan(Duration.ofSeconds(8));
            String closed = d.awaitChat(chatBefore, "alpha BTC/USDT: Closed by the [a-z -]+: sold [0-9.]+ BTC at "
                    + "[0-9.]+, PnL");
            assertThat(closed).containsIgnoringCase(exit.replace('_', '-').split("-")[0]);
            d.ask("/stats", "All time: 1 trades?, ");
        }
    }

    @Test
    void theBotRestartsAfterKill9WithTheSamePositionFlagsAndHistoryAndNoOrderSentTwice(@TempDir Path dir)
            throws Exception {
        String quietBot = """
                risk:
                  stopLossPct: 0
                  takeProfitPct: 0
                """;
        try (Deployment d = new Deployment(dir, quietBot)) {
            d.startBoth();
            d.ask("/forcebuy ETH/USDT 60", "ETH/USDT: Opened by /forcebuy: bought");
            d.ask("/forcebuy BTC/USDT 40", "BTC/USDT: Opened by /forcebuy: bought");
            d.ask("/forcesell BTC/USDT", "BTC/USDT: Closed by /forcesell: sold");
            d.ask("/disablebuy", "Buying disabled globally");
            d.ask("/stoptrading ETH/USDT", "Trading stopped for ETH/USDT");
            String statusBefore = positionsOf(d.ask("/status", "Positions \\(1\\)"));
            String statsBefore = d.ask("/stats", "All time: 1 trades?, ");
            List<String> ordersBefore = d.query("SELECT client_order_id || ' ' || status FROM orders ORDER BY 1");

            int chatBefore = d.chat().size();
            d.bot.kill9();
            d.awaitChat(chatBefore, "alpha disconnected");
            d.startBot();
            d.awaitChat(chatBefore, "alpha connected");

            String statusAfter = d.ask("/status", "Positions \\(1\\)");
            assertThat(statusAfter).contains("Global: trading on, buy off, sell on")
                    .contains("ETH/USDT: trading off, buy on, sell on");
            assertThat(positionsOf(statusAfter)).isEqualTo(statusBefore);
            String statsAfter = d.ask("/stats", "All time: 1 trades?, ");
            assertThat(allTime(statsAfter)).isEqualTo(allTime(statsBefore));
            assertThat(d.query("SELECT client_order_id || ' ' || status FROM orders ORDER BY 1"))
                    .isEqualTo(ordersBefore);
            // The simulated exchange saw each client order id once: nothing was sent again on restart.
            assertThat(d.count("SELECT COUNT(*) FROM sim_orders")).isEqualTo(3);
            assertThat(d.count("SELECT COUNT(DISTINCT client_order_id) FROM sim_orders")).isEqualTo(3);
        }
    }

    /** @return the position lines of a status reply, without the price and the PnL that move. */
    private static String positionsOf(String status) {
        String positions = status.substring(status.indexOf("Positions"));
        positions = positions.substring(0, positions.indexOf("Equity"));
        return positions.replaceAll(", now [0-9.]+: [-+]?[0-9.]+ USDT \\([-+]?[0-9.]+%\\)", "");
    }

    private static String allTime(String stats) {
        int from = stats.indexOf("All time");
        return stats.substring(from, stats.indexOf('\n', from));
    }
}
