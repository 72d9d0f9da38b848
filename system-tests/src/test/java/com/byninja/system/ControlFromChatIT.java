package com.byninja.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
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

            d.ask("/status", "^alpha: Paper on simulated, rsi on 1m candles\nGlobal: trading on, buy on, sell on\n"
                    + "Positions \\(0\\): none\nEquity 10000\\.00 USDT, ");
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
    void ownerPausesBuyingReloadsTheConfigurationAndReadsTheBotsHealthLogsAndVersion(@TempDir Path dir)
            throws Exception {
        try (Deployment d = new Deployment(dir, QUIET_BOT)) {
            d.startBoth();

            // Two hours from now, on the minute; with the date when that is tomorrow.
            d.ask("/pause 2h", "^alpha: Buying paused on every symbol until ([0-9-]{10} )?[0-9]{2}:[0-9]{2} UTC "
                    + "\\(2h\\): the strategy opens no position; ");
            String until = d.ask("/status", "Global: trading on, buy paused until [0-9: -]+ UTC, sell on")
                    .replaceAll("(?s).*buy paused until ([0-9: -]+ UTC).*", "$1");
            assertThat(d.query("SELECT kind || ' ' || scope FROM entry_locks")).containsExactly("pause *");
            // A restart keeps the pause, to the minute.
            assertThat(d.bot.terminate(Duration.ofSeconds(5))).isZero();
            int before = d.chat().size();
            d.startBot();
            d.awaitChat(before, "alpha connected");
            d.ask("/status", "Global: trading on, buy paused until " + until + ", sell on");
            d.ask("/enablebuy", "^alpha: Buying was already on globally\\. The buying pause until " + until
                    + " is over\\.$");

            d.rewriteBotConfig(Deployment.botConfig("stopLossPct: 0\ntakeProfitPct: 0\nstakeAmount: 40", "", "")
                    .replace("timeframe: 1m", "timeframe: 5m"));
            d.ask("/reload", "^alpha: Read config/trading-bot\\.yml again\\.\nApplied now \\(1\\):\n"
                    + "risk\\.stakeAmount: 100 → 40\nNeeds a restart, runs as before until then \\(1\\):\n"
                    + "timeframe: 1m → 5m$");
            d.ask("/forcebuy BTC/USDT", "^alpha: Buying BTC/USDT for 40\\.00 USDT at market");
            d.rewriteBotConfig(Deployment.botConfig("stopLossPct: 0\ntakeProfitPct: 0\nstakeAmount: lots", "", ""));
            d.ask("/reload", "^alpha: /reload refused: config/trading-bot\\.yml has 1 problem; nothing changed\\.\n"
                    + "config/trading-bot\\.yml:[0-9]+: risk\\.stakeAmount: must be a number, got \"lots\"$");
            // The refusal was the reply, not a warning; the bot may have logged none at all.
            assertThat(d.ask("/logs 5", "^alpha: (No warnings or errors since the start\\.|The .* since the start)"))
                    .doesNotContain("reload");

            d.ask("/health", "^alpha: Link: connected to 127\\.0\\.0\\.1:[0-9]+, [0-9]+ reconnects?; frames "
                    + ".*\nExchange simulated, price and candle calls: p50 [0-9.]+ ms, max [0-9.]+ ms over the last "
                    + "[0-9]+, none failed\n.*\nPrices: BTC/USDT [0-9.]+ m?s ago, ETH/USDT [0-9.]+ m?s ago\n"
                    + "Dropped: none\nErrors: none");
            d.ask("/version", "^alpha: trading-bot [0-9.]+(-SNAPSHOT)?, built [0-9]{4}-[0-9]{2}-[0-9]{2} "
                    + "[0-9]{2}:[0-9]{2} UTC\nJava [0-9.+]+.*\nUp [0-9]+[sm].*\nDatabase schema version 7$");
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
