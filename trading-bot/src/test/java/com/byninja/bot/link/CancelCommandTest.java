package com.byninja.bot.link;

import static com.byninja.bot.TraderFixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.control.SymbolResolver;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Order;
import com.byninja.bot.orders.Submission;
import com.byninja.protocol.Message;
import com.byninja.protocol.commands.Command;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /cancel SYMBOL}: the resting limit buy's cancel is sent and named; without one, the reply says so. */
class CancelCommandTest {

    @TempDir
    Path dir;
    TraderFixture f;
    CommandHandler handler;

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void cancelNamesTheRestingLimitBuyItCancelsAndSaysWhenNoneRests() throws Exception {
        f = TraderFixture.withRules(dir, "orders:\n  forced: limit\n  limitOffsetPct: 0.1\n", "0.1",
                PositionsReportTest.tick(BTC));
        handler = new CommandHandler(f.trader, new SymbolResolver(f.config.symbols()),
                new StatusReport(new BotInfo("ninja", "1", "simulated", "paper", "1m", TraderFixture.T0), f.trader,
                        f.clock, Money::object, Money::object), f.alerts);
        f.price(BTC, "50000");
        Order buy = ((Submission.Sent) f.trader.forceBuy(BTC, new BigDecimal("100"))).order();
        f.gateway.rest(buy, f.clock.instant());
        f.drain();

        Message reply = handler.handle(Message.command("c1", Command.CANCEL, "btc-usdt"));

        // 50,000 less 0.1 %: 49,950.
        assertThat(reply.message()).isEqualTo("Cancelling the limit buy of BTC/USDT (order " + buy.clientOrderId()
                + ", 100.00 USDT at 49950.00). What filled of it before the cancel stays as the position, announced "
                + "as an alert.");
        assertThat(reply.data().path("cancelling").asBoolean()).isTrue();
        assertThat(f.gateway.cancels).extracting(Order::clientOrderId).containsExactly(buy.clientOrderId());

        f.gateway.cancelled(f.gateway.cancels.get(0), "cancelled by the bot", f.clock.instant());
        f.drain();
        assertThat(handler.handle(Message.command("c2", Command.CANCEL, "BTC/USDT")).message())
                .isEqualTo("No limit buy of BTC/USDT rests on the exchange: nothing to cancel.");
        assertThat(handler.handle(Message.command("c3", Command.CANCEL, null)).message())
                .startsWith("/cancel needs a symbol. Usage: /cancel SYMBOL");

        // A forcebuy with orders.forced: limit says how it buys.
        com.fasterxml.jackson.databind.node.ObjectNode amount = Money.object();
        amount.put(com.byninja.protocol.commands.ArgumentKind.AMOUNT.field(), "100");
        Message bought = handler.handle(Message.command("c4", Command.FORCEBUY, "BTC/USDT").withData(amount));
        assertThat(bought.message()).startsWith("Buying BTC/USDT for 100.00 USDT with a limit order at 49950.00, "
                + "resting up to 60 s (order ");
    }
}
