package com.byninja.bot.link;

import static com.byninja.bot.TraderFixture.BTC;
import static com.byninja.bot.TraderFixture.ETH;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.control.SymbolResolver;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OwnerStop;
import com.byninja.bot.domain.Purpose;
import com.byninja.protocol.Message;
import com.byninja.protocol.commands.Command;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /breakeven}, end to end on a real store: the owner's stop is saved before it counts, honoured by the
 * protective exits, shown by {@code /status} and {@code /positions}, kept across a restart, never lowers a stop, and
 * ends with its position.
 */
class BreakEvenTest {

    @TempDir
    Path dir;
    TraderFixture f;
    CommandHandler handler;
    int ids;

    void start(String yaml) throws Exception {
        // A fee of 0.1 % and a tick of 0.01; the stop-loss 2 % below the entry.
        f = TraderFixture.withRules(dir, "risk:\n  stopLossPct: 2\n  takeProfitPct: 4\n" + yaml, "0.1",
                PositionsReportTest.tick(BTC), PositionsReportTest.tick(ETH));
        connect();
    }

    void connect() {
        handler = new CommandHandler(f.trader, new SymbolResolver(f.config.symbols()),
                new StatusReport(new BotInfo("ninja", "1", "simulated", "paper", "1m", TraderFixture.T0), f.trader,
                        f.clock, Money::object, Money::object), f.alerts);
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    Message send(Command command, String symbol) {
        return handler.handle(Message.command("c" + (++ids), command, symbol));
    }

    @Test
    void theStopRisesToBreakEvenIsShownKeptAcrossARestartSellsThereAndEndsWithThePosition() throws Exception {
        start("");
        f.openPosition(BTC, "0.002", "50000", "0.1");
        f.price(BTC, "51000");

        Message moved = send(Command.BREAKEVEN, "btc-usdt");

        // 100.10 / (0.002 x 0.999) = 50,100.1001..., up to the tick: selling there keeps 100.10002 of the 100.10.
        assertThat(moved.message()).isEqualTo("Stop-loss of BTC/USDT raised to its break-even, 50100.11 (it was "
                + "49000.00): a sale there returns the 100.10 USDT the position cost, fees included. It stays, across "
                + "restarts, until the position closes.");
        assertThat(moved.data().path("stopLoss").asText()).isEqualTo("50100.11");
        assertThat(moved.data().path("before").asText()).isEqualTo("49000");
        OwnerStop saved = new OwnerStop(BTC, TraderFixture.T0, new BigDecimal("50100.11"), TraderFixture.T0);
        assertThat(f.store.ownerStops()).containsExactly(saved);
        assertThat(send(Command.STATUS, null).message()).contains("BTC/USDT 0.002 @ 50000.00, now 51000.00: +1.79 "
                + "USDT (+1.79%)\n  protected: stop-loss 50100.11, take-profit 52000.00");
        Message positions = send(Command.POSITIONS, null);
        assertThat(positions.message()).contains("\n stop-loss   50100.11 (your break-even)\n");
        assertThat(positions.data().path("buttons").toString()).doesNotContain("/breakeven");

        f.restart();
        connect();
        assertThat(f.trader.ownerStop(BTC)).contains(saved);
        assertThat(send(Command.BREAKEVEN, "BTC/USDT").message()).isEqualTo("The stop-loss of BTC/USDT is already "
                + "at 50100.11, at or above its break-even of 50100.11; left there.");
        int placed = f.gateway.placed.size();
        f.price(BTC, "50100.12");
        f.trader.periodicChecks();
        assertThat(f.gateway.placed).hasSize(placed);
        f.price(BTC, "50100.11");
        f.trader.periodicChecks();
        Order stop = f.gateway.last();
        assertThat(stop.purpose()).isEqualTo(Purpose.STOP_LOSS);
        f.gateway.fill(stop, "0.002", "50100.11", "0.10020022", f.clock.instant());
        f.drain();

        assertThat(f.trader.positions().get(BTC)).isEmpty();
        assertThat(f.store.ownerStops()).isEmpty();
        // 100.20022 - 0.10020022 - 100 - 0.1 = 0.00001978: not a loss.
        assertThat(f.store.closedTrades(BTC, null).get(0).realisedPnl()).isEqualByComparingTo("0.00001978");
        f.openPosition(BTC, "0.002", "50000", "0.1");
        assertThat(f.trader.ownerStop(BTC)).isEmpty();
        assertThat(f.trader.protection(BTC).orElseThrow().stopLoss().orElseThrow()).isEqualByComparingTo("49000");
    }

    @Test
    void itIsRefusedWhereAStopAtBreakEvenWouldNotHold() throws Exception {
        start("");
        assertThat(send(Command.BREAKEVEN, "BTC/USDT").message()).isEqualTo("No open position in BTC/USDT.");
        f.openPosition(BTC, "0.002", "50000", "0.1");

        f.price(BTC, "50100.11");
        Message atBreakEven = send(Command.BREAKEVEN, "BTC/USDT");
        f.prices.remove(BTC);
        Message noPrice = send(Command.BREAKEVEN, "BTC/USDT");

        assertThat(atBreakEven.message()).isEqualTo("BTC/USDT is at 50100.11, not above its break-even of 50100.11: a "
                + "stop there would sell at once. Send /forcesell BTC/USDT to close it.");
        assertThat(atBreakEven.data().path("moved").asBoolean()).isFalse();
        assertThat(atBreakEven.data().path("reason").asText()).isEqualTo("not_above_break_even");
        assertThat(noPrice.message()).isEqualTo("No price for BTC/USDT yet: a stop at its break-even, 50100.11, could "
                + "sell at once.");
        assertThat(f.store.ownerStops()).isEmpty();
        assertThat(f.trader.protection(BTC).orElseThrow().stopLoss().orElseThrow()).isEqualByComparingTo("49000");
        assertThat(send(Command.BREAKEVEN, null).message()).isEqualTo("/breakeven needs a symbol. Usage: /breakeven "
                + "SYMBOL");
    }

    @Test
    void withoutProtectiveExitsNoStopIsSet() throws Exception {
        start("  protectiveExits: false\n");
        f.openPosition(BTC, "0.002", "50000", "0.1");
        f.price(BTC, "51000");

        assertThat(send(Command.BREAKEVEN, "BTC/USDT").message()).isEqualTo("Protective exits are off "
                + "(risk.protectiveExits: false): a stop would never sell.");
        assertThat(f.store.ownerStops()).isEmpty();
    }
}
