package com.byninja.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.telegram.testing.FakeBotApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The money and trade commands between the real daemons: {@code /positions} arrives as a monospace table with a Close
 * button whose press sells the position, and the other commands read the trade that made.
 */
class MoneyCommandsIT {
    // No stop-loss or take-profit, and a slow strategy: the only trades are the ones the owner forces.
    private static final String QUIET_BOT = """
            risk:
              stopLossPct: 0
              takeProfitPct: 0
            """;

    @Test
    void theCloseButtonUnderAPositionSellsItAndTheTradeIsReadByTheMoneyCommands(@TempDir Path dir) throws Exception {
        try (Deployment d = new Deployment(dir, QUIET_BOT)) {
            d.startBoth();
            d.ask("/balance", "^alpha: Balance: equity 10000\\.00 USDT\nAsset +Free +In positions +Value\n"
                    + "USDT +10000\\.00 +- +10000\\.00\n");
            d.ask("/forcebuy BTC/USDT 50", "Opened by /forcebuy: bought [0-9.]+ BTC");

            d.ask("/positions", "^alpha: 1 open position \\(USDT\\)\nBTC/USDT [0-9.]+ BTC, open .*\n entry +[0-9.]+\n"
                    + " last +[0-9.]+.*\n PnL +[-+]?[0-9.]+ \\([-+]?[0-9.]+ %\\)\n protection +none: no stop or target"
                    + "\n");
            FakeBotApi.Sent positions = d.api.sentTo(Deployment.OWNER).stream()
                    .filter(s -> s.text().contains("open position")).reduce((a, b) -> b).orElseThrow();
            assertThat(positions.text()).startsWith("<b>alpha</b>: 1 open position (USDT)\n<pre>BTC/USDT ")
                    .contains("</pre>\nPnL: selling at the last price");
            JsonNode close = positions.replyMarkup().path("inline_keyboard").get(0).get(0);
            assertThat(close.path("text").asText()).isEqualTo("Close BTC/USDT");
            assertThat(close.path("callback_data").asText()).isEqualTo("/forcesell BTC/USDT >alpha");

            int before = d.chat().size();
            d.api.userPresses(Deployment.OWNER, Deployment.OWNER, positions.messageId(),
                    close.path("callback_data").asText());
            d.awaitChat(before, "Closed by /forcesell: sold [0-9.]+ BTC");

            d.ask("/positions", "^alpha: No open positions\\.$");
            d.ask("/trades", "^alpha: The last closed trade \\(USDT\\)\nBTC/USDT [0-9-]+ [0-9:]+, [0-9a-z ]+\n"
                    + " [0-9.]+ → [0-9.]+  [-+]?[0-9.]+ \\([-+]?[0-9.]+ %\\)\n closed by /forcesell\n");
            d.ask("/performance", "\nBTC/USDT +1 +[0-9.]+ +[-+]?[0-9.]+\nTotal +1 ");
            d.ask("/daily 2", "\nTotal +1 +[-+]?[0-9.]+ ");
            d.ask("/profit", "\nRealised +[-+]?[0-9.]+ on 1 trade\nUnrealised +0\\.00 on 0 open positions\n");
            d.ask("/orders", "^alpha: No orders waiting for the exchange\\.$");
            assertThat(d.count("SELECT COUNT(*) FROM trades")).isEqualTo(1);
            assertThat(d.count("SELECT COUNT(*) FROM owner_stops")).isZero();
        }
    }
}
