package com.byninja.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.telegram.testing.FakeBotApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit's fault findings, replayed with the real jars: protective exits that ignore the strategy's switches, a
 * position on a symbol removed from the configuration, alerts that survive a {@code kill -9} of either daemon, and a
 * forced order cut off by a crash.
 */
class MoneySafetyIT {

    static String bot(String risk, String simulator, String extra) {
        return Deployment.botConfig(risk, simulator, extra);
    }

    static final String NO_STOPS = "stopLossPct: 0\ntakeProfitPct: 0";

    @Test
    void aProtectiveExitSellsWhileTradingIsStoppedAndSellingDisabled(@TempDir Path dir) throws Exception {
        // A price moving about 0.56 % per 100 ms tick, a stop-loss and a take-profit each 0.01 % away: the first tick
        // after the fill crosses one of them. With the take-profit alone the test waited for a random walk to rise,
        // which it may not do for 20 s (about one run in twenty).
        // The bot's own exits are what this is about: no stop resting on the simulated exchange to sell first.
        try (Deployment d = new Deployment(dir, bot("stopLossPct: 0.01\ntakeProfitPct: 0.01\nstopLossOnExchange: false",
                "slippagePct: 0\nmarkets:\n  BTC/USDT:\n    volatilityPct: 10000", ""))) {
            d.startBoth();
            String stopped = d.confirm("/stoptrading", "Trading stopped globally");
            assertThat(stopped).contains("Stop-loss, take-profit and the trailing stop keep protecting open positions");
            d.ask("/disablesell", "Selling disabled globally");
            assertThat(d.ask("/help", "ByNinja commands")).contains("/disablesell [SYMBOL] - stop the strategy's exits, "
                    + "globally or for one symbol; stop-loss, take-profit and trailing stop still sell");

            int before = d.say("/forcebuy BTC/USDT 100");
            d.awaitChat(before, "BTC/USDT: Opened by /forcebuy: bought");
            String hit = d.awaitChat(before, "^(🎯|🛑) alpha BTC/USDT: (Take-profit|Stop-loss) hit at ");
            d.awaitChat(before, "^(💰|🔻|⚪) alpha BTC/USDT: Closed by the (take-profit|stop-loss): sold [0-9.]+ BTC "
                    + "at [0-9.]+, PnL ");
            assertThat(d.query("SELECT exit_purpose FROM trades"))
                    .containsExactly(hit.contains("Take-profit") ? "TAKE_PROFIT" : "STOP_LOSS");
        }
    }

    @Test
    void aPositionOnASymbolRemovedFromTheConfigurationIsShownProtectedAndClosable(@TempDir Path dir)
            throws Exception {
        try (Deployment d = new Deployment(dir, bot(NO_STOPS, "", ""))) {
            d.startBoth();
            d.ask("/forcebuy BTC/USDT 100", "BTC/USDT: Opened by /forcebuy: bought");
            int before = d.chat().size();
            d.bot.terminate(Duration.ofSeconds(10));
            d.awaitChat(before, "alpha disconnected");

            d.reconfigureBot(bot(NO_STOPS, "", "symbols: [ETH/USDT]"));
            before = d.chat().size();
            d.startBot();
            d.awaitChat(before, "alpha connected");
            d.awaitChat(before, "^❓ alpha BTC/USDT: No longer in the configuration, but the bot holds a position of "
                    + "[0-9.]+ BTC here from an earlier run\\. It stays priced and protected by its stops; close it "
                    + "with /forcesell BTC/USDT");

            String status = d.ask("/status", "Positions \\(1\\)");
            assertThat(status).containsPattern("\nBTC/USDT [0-9.]+ @ [0-9.]+, now [0-9.]+: [-+][0-9.]+ USDT "
                    + "\\([-+][0-9.]+%\\)\n  NOT PROTECTED: no stop set \\(")
                    .contains("\nBTC/USDT: NOT CONFIGURED: kept for its position (priced, protected, /forcesell "
                            + "only)\n");
            assertThat(d.ask("/forcebuy BTC/USDT 50", "Force buy of BTC/USDT refused"))
                    .contains("no longer in the configuration");
            d.ask("/forcesell BTC/USDT", "BTC/USDT: Closed by /forcesell: sold");
            assertThat(d.count("SELECT COUNT(*) FROM positions")).isZero();
        }
    }

    @Test
    void everyFillsAlertArrivesExactlyOnceAcrossKill9OfTheBotRightAfterItsFills(@TempDir Path dir)
            throws Exception {
        try (Deployment d = new Deployment(dir, bot(NO_STOPS, "", ""))) {
            d.startBoth();
            for (int round = 1; round <= 4; round++) {
                long filled = d.count("SELECT COUNT(*) FROM orders WHERE status = 'FILLED'");
                d.say("/forcebuy " + (round % 2 == 0 ? "ETH/USDT" : "BTC/USDT") + " 30");
                // Killed as soon as the fill is committed: its alert may not have left the process yet.
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(2))
                        .until(() -> d.count("SELECT COUNT(*) FROM orders WHERE status = 'FILLED'") > filled);
                int before = d.chat().size();
                d.bot.kill9();
                d.startBot();
                d.awaitChat(before, "alpha connected");
            }
            long fills = d.count("SELECT COUNT(*) FROM orders WHERE status = 'FILLED'");
            assertThat(fills).isEqualTo(4);
            String bought = "(BTC|ETH)/USDT: (Opened|Added to the position) by /forcebuy: bought";
            await().atMost(Duration.ofSeconds(20)).until(() -> count(d.chat(), bought) >= fills);
            d.ask("/status", "Positions \\(2\\)");
            assertThat(count(d.chat(), bought)).isEqualTo(fills);
        }
    }

    @Test
    void alertsWaitingInTheChatsQueueWhenTheServerIsKilledArriveExactlyOnceAfterItsRestart(@TempDir Path dir)
            throws Exception {
        try (Deployment d = new Deployment(dir, bot(NO_STOPS, "", ""))) {
            d.startBoth();
            d.ask("/forcebuy BTC/USDT 100", "BTC/USDT: Opened by /forcebuy: bought");
            d.ask("/forcebuy ETH/USDT 100", "ETH/USDT: Opened by /forcebuy: bought");

            // Telegram stops taking messages once the question is asked: the sells' alerts wait, unacknowledged, in
            // the chat's queue.
            FakeBotApi.Sent question = d.question(d.say("/forcesell all"));
            d.api.failSendsUntilRecovered(Deployment.OWNER, 502);
            d.pressYes(question);
            await().atMost(Duration.ofSeconds(10)).until(() -> d.count("SELECT COUNT(*) FROM trades") == 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> d.api.failedSends(Deployment.OWNER) > 0);
            d.telegram.kill9();

            d.api.recover(Deployment.OWNER);
            int before = d.chat().size();
            d.startTelegram();
            d.awaitChat(before, "alpha connected");
            d.awaitChat(before, "BTC/USDT: Closed by /forcesell: sold");
            d.awaitChat(before, "ETH/USDT: Closed by /forcesell: sold");
            d.ask("/status", "Positions \\(0\\)");
            assertThat(count(d.chat(), "BTC/USDT: Closed by /forcesell: sold")).isEqualTo(1);
            assertThat(count(d.chat(), "ETH/USDT: Closed by /forcesell: sold")).isEqualTo(1);
            // Nothing is left undelivered in the bot's outbox.
            await().atMost(Duration.ofSeconds(10)).until(() -> d.count("SELECT COUNT(*) FROM alert_outbox") == 0);
        }
    }

    @Test
    void aForcedSellCutOffByACrashIsReportedAfterTheRestart(@TempDir Path dir) throws Exception {
        // The simulated exchange answers after 3 s, like a slow real one: time enough to kill the bot first.
        try (Deployment d = new Deployment(dir, bot(NO_STOPS, "", ""))) {
            d.startBoth();
            d.ask("/forcebuy BTC/USDT 100", "BTC/USDT: Opened by /forcebuy: bought");
            d.bot.terminate(Duration.ofSeconds(10));
            d.reconfigureBot(bot(NO_STOPS, "orderLatencyMs: 3000", ""));
            int before = d.chat().size();
            d.startBot();
            d.awaitChat(before, "alpha connected");

            String reply = d.ask("/forcesell BTC/USDT", "Selling [0-9.]+ BTC of BTC/USDT at market \\(order ");
            String orderId = reply.replaceAll("(?s).*\\(order ([^)]+)\\).*", "$1");
            d.bot.kill9();
            assertThat(d.query("SELECT status FROM orders WHERE client_order_id = '" + orderId + "'"))
                    .containsExactly("NEW");

            before = d.chat().size();
            d.startBot();
            String told = d.awaitChat(before, "After the restart: sell order " + Pattern.quote(orderId));
            assertThat(told).contains(", placed by /forcesell, never reached the exchange before the bot stopped, "
                    + "so it was not placed. Send /forcesell BTC/USDT again if you still want it.");
            assertThat(d.query("SELECT status FROM orders WHERE client_order_id = '" + orderId + "'"))
                    .containsExactly("CANCELLED");
            d.ask("/status", "Positions \\(1\\)");
        }
    }

    private static long count(List<String> chat, String regex) {
        Pattern p = Pattern.compile(regex);
        return chat.stream().filter(m -> p.matcher(m).find()).count();
    }
}
