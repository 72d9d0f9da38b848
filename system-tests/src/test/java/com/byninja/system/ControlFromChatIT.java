package com.byninja.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios 1 and 2: the owner drives the bot from the chat; a stranger changes nothing. */
class ControlFromChatIT {
    // No stop-loss or take-profit, and a slow strategy: the only trades are the ones the owner forces.
    private static final String QUIET_BOT = """
            risk:
              stopLossPct: 0
              takeProfitPct: 0
            """;

    @Test
    void ownerStopsStartsEnablesDisablesAndForcesTradesFromTheChat(@TempDir Path dir) throws Exception {
        try (Deployment d = new Deployment(dir, QUIET_BOT)) {
            d.startBoth();

            d.ask("/status", "alpha .*Global: trading on, buy on, sell on");
            d.confirm("/stoptrading", "Trading stopped globally");
            d.ask("/status", "Global: trading off, buy on, sell on");
            d.ask("/starttrading", "Trading started globally");
            d.ask("/disablebuy", "Buying disabled globally");
            d.ask("/enablebuy", "Buying enabled globally");
            d.ask("/disablesell ETH/USDT", "Selling disabled for ETH/USDT");
            d.ask("/status", "ETH/USDT: trading on, buy on, sell off");
            d.ask("/enablesell eth-usdt", "Selling enabled for ETH/USDT");
            d.ask("/stoptrading BTC/USDT", "Trading stopped for BTC/USDT");
            d.ask("/status", "BTC/USDT: trading off, buy on, sell on");
            d.ask("/starttrading BTCUSDT", "Trading started for BTC/USDT");
            assertThat(d.query("SELECT scope || ':' || trading || buy || sell FROM control ORDER BY scope"))
                    .allMatch(row -> row.endsWith(":111"));

            int before = d.say("/forcebuy BTC/USDT 50");
            d.awaitChat(before, "Buying BTC/USDT for 50\\.00 USDT at market \\(order ");
            d.awaitChat(before, "^🔵 alpha BTC/USDT: Opened by /forcebuy: bought [0-9.]+ BTC at [0-9.]+ for 50\\.00 "
                    + "USDT, fee ");
            d.ask("/status", "Positions \\(1\\):\\s+BTC/USDT [0-9.]+ @ ");

            before = d.say("/forcesell BTC/USDT");
            d.awaitChat(before, "Selling [0-9.]+ BTC of BTC/USDT at market");
            d.awaitChat(before, "^(💰|🔻|⚪) alpha BTC/USDT: Closed by /forcesell: sold [0-9.]+ BTC at [0-9.]+, PnL "
                    + "[-+]?[0-9.]+ USDT");

            d.ask("/stats", "All time: 1 trades?, ");
            d.ask("/stats BTC/USDT", "BTC/USDT");
            assertThat(d.count("SELECT COUNT(*) FROM orders")).isEqualTo(2);
            assertThat(d.count("SELECT COUNT(*) FROM trades")).isEqualTo(1);
            assertThat(d.count("SELECT COUNT(*) FROM positions")).isZero();

            d.ask("/forcebuy DOGE/USDT", "Unknown symbol 'DOGE/USDT'. Configured symbols: BTC/USDT, ETH/USDT");
            d.ask("/frobnicate", "(?i)unknown command");
        }
    }

    @Test
    void aStrangersCommandsChangeNothingAndGetNoAnswer(@TempDir Path dir) throws Exception {
        try (Deployment d = new Deployment(dir, QUIET_BOT)) {
            d.startBoth();
            d.api.userSends(Deployment.STRANGER, "/stoptrading");
            d.api.userSends(Deployment.STRANGER, "/forcebuy BTC/USDT 500");
            d.api.userSends(Deployment.STRANGER, "/disablesell");
            // The owner's command goes after the stranger's: when its answer is back, theirs were handled too.
            d.ask("/status", "Global: trading on, buy on, sell on");
            d.ask("/status", "Positions \\(0\\)");
            assertThat(d.api.sentTo(Deployment.STRANGER)).isEmpty();
            assertThat(d.count("SELECT COUNT(*) FROM orders")).isZero();
            assertThat(d.telegram.read("logs/telegram-server.log")).contains(String.valueOf(Deployment.STRANGER));
        }
    }
}
