package com.byninja.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emergency stop, with both daemons as real processes: one confirmed /panic closes everything and sums up once. */
class PanicIT {
    // No stop-loss or take-profit, and a strategy that never trades: the only orders are the owner's.
    private static final String QUIET_BOT = """
            risk:
              stopLossPct: 0
              takeProfitPct: 0
            """;

    @Test
    void aConfirmedPanicStopsTradingSellsEveryPositionAndSendsOneSummaryWhenTheSellsAreDone(@TempDir Path dir)
            throws Exception {
        try (Deployment d = new Deployment(dir, QUIET_BOT)) {
            d.startBoth();
            d.ask("/forcebuy BTC/USDT 40", "BTC/USDT: Opened by /forcebuy: bought");
            d.ask("/forcebuy ETH/USDT 60", "ETH/USDT: Opened by /forcebuy: bought");

            int before = d.say("/panic");
            String question = d.question(before).text();
            assertThat(question).isEqualTo("⚠️ Confirm <code>/panic</code> for <b>alpha</b>?\nStop trading globally "
                    + "and sell every open position at market; one summary follows when the sells are done.\nYes or "
                    + "No within 30 s.");
            assertThat(d.count("SELECT COUNT(*) FROM orders")).as("nothing sent before Yes").isEqualTo(2);
            d.pressYes(d.question(before));

            String reply = d.awaitChat(before, "^alpha: Panic: trading stopped globally; selling 2 positions at "
                    + "market:");
            assertThat(reply).containsPattern("\nSelling [0-9.]+ BTC of BTC/USDT \\(order [a-z0-9-]+\\)\n")
                    .containsPattern("\nSelling [0-9.]+ ETH of ETH/USDT \\(order [a-z0-9-]+\\)\n")
                    .endsWith("\nOne summary follows when every sell has filled or failed.");
            String summary = d.awaitChat(before, "^🧯 alpha: Panic over after ");
            assertThat(summary).matches("(?s)🧯 alpha: Panic over after [0-9]+ (ms|s): 2 of 2 positions closed at "
                    + "market, realised PnL [-+][0-9]+\\.[0-9]{2} USDT\\.\n"
                    + "(BTC|ETH)/USDT: sold [0-9.]+ (BTC|ETH) at [0-9.]+, PnL [-+][0-9]+\\.[0-9]{2} USDT\n"
                    + "(BTC|ETH)/USDT: sold [0-9.]+ (BTC|ETH) at [0-9.]+, PnL [-+][0-9]+\\.[0-9]{2} USDT\n"
                    + "Trading stays stopped globally; /starttrading starts it again\\.");
            assertThat(d.count("SELECT COUNT(*) FROM positions")).isZero();
            assertThat(d.count("SELECT COUNT(*) FROM trades")).isEqualTo(2);
            assertThat(d.query("SELECT trading FROM control WHERE scope = '*'")).containsExactly("0");
            assertThat(d.chat().stream().filter(m -> m.startsWith("🧯"))).hasSize(1);
            d.ask("/status", "Global: trading off, buy on, sell on");
            assertThat(d.telegram.read("logs/audit.log"))
                    .containsPattern("user=4242 name=\"@user4242\" via=text bots=alpha result=asked "
                            + "command=\"/panic\"")
                    .containsPattern("user=4242 name=\"@user4242\" via=button bots=alpha result=confirmed "
                            + "command=\"/panic\"");
        }
    }
}
