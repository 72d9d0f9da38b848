package com.byninja.bot.link;

import static com.byninja.bot.TraderFixture.BTC;
import static com.byninja.bot.TraderFixture.ETH;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.control.SymbolResolver;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Order;
import com.byninja.protocol.commands.Command;
import com.byninja.protocol.Message;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code status} and {@code forcebuy} show of a symbol with settings of its own. */
class SymbolSettingsReportTest {

    @TempDir
    Path dir;
    TraderFixture f;
    CommandHandler handler;
    int ids;

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    Message send(Command command, String symbol) {
        return handler.handle(Message.command("c" + (++ids), command, symbol));
    }

    @Test
    void statusSaysWhatEachSymbolRunsAndItsStopsFollowItsOwnRisk() throws Exception {
        f = new TraderFixture(dir, """
                symbols:
                  - BTC/USDT
                  - symbol: ETH/USDT
                    strategy: {name: rsi, rsi: {period: 7}}
                    risk: {stakeAmount: 50, stopLossPct: 2}
                risk:
                  stakeAmount: 100
                  stopLossPct: 3
                  takeProfitPct: 6
                """);
        handler = new CommandHandler(f.trader, new SymbolResolver(f.config.symbols()),
                new StatusReport(new BotInfo("ninja", "1", "simulated", "paper", "1m", TraderFixture.T0), f.trader,
                        f.clock, Money::object, Money::object), f.alerts);
        f.price(BTC, "100");
        f.price(ETH, "3000");

        send(Command.FORCEBUY, "ETH/USDT");
        Order eth = f.gateway.last();
        send(Command.FORCEBUY, "BTC/USDT");
        Order btc = f.gateway.last();
        // A forcebuy without an amount spends the symbol's own stake.
        assertThat(eth.quoteAmount()).isEqualByComparingTo("50");
        assertThat(btc.quoteAmount()).isEqualByComparingTo("100");
        f.gateway.fill(eth, "0.0166", "3000", "0", f.clock.instant());
        f.drain();

        Message status = send(Command.STATUS, null);

        assertThat(status.message())
                .startsWith("Paper on simulated, sma-cross on 1m candles\n")
                .contains("\nETH/USDT: runs rsi (RSI 7 below 30 / above 70); own risk: stakeAmount 50, stopLossPct 2\n")
                // 2 % below 3,000 for ETH, with the global take-profit of 6 %.
                .contains("\nETH/USDT 0.0166 @ 3000.00, now 3000.00: 0.00 USDT (0.00%)\n"
                        + "  protected: stop-loss 2940.00, take-profit 3180.00\n");
        // BTC/USDT runs the global strategy and risk: only its order waiting for the exchange is worth a word.
        assertThat(status.message().lines().filter(l -> l.startsWith("BTC/USDT:")).findFirst().orElseThrow())
                .isEqualTo("BTC/USDT: order " + btc.clientOrderId() + " waiting for the exchange");
        JsonNode ethData = status.data().path("symbols").path("ETH/USDT");
        assertThat(ethData.path("strategy").asText()).isEqualTo("rsi");
        assertThat(ethData.path("ownRisk").toString()).isEqualTo("[\"stakeAmount 50\",\"stopLossPct 2\"]");
        assertThat(status.data().path("symbols").path("BTC/USDT").has("strategy")).isFalse();
    }
}
