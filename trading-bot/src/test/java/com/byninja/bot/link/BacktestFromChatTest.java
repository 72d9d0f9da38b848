package com.byninja.bot.link;

import static com.byninja.bot.TraderFixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.control.SymbolResolver;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Symbol;
import com.byninja.protocol.Message;
import com.byninja.protocol.Tag;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /backtest} as the bot answers it: its arguments handed to the backtests, their answer as the reply. */
class BacktestFromChatTest {

    @TempDir
    Path dir;
    TraderFixture f;

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    Message send(CommandHandler handler, String text) {
        return handler.handle(new Message(Tag.COMMAND, text, 0, "b1", null, null, null, null));
    }

    @Test
    void theSymbolAndDaysGoToTheBacktestsAndTheirAnswerIsTheReply() throws Exception {
        f = new TraderFixture(dir, "");
        List<String> asked = new ArrayList<>();
        BacktestRequests requests = (Symbol s, Integer days) -> {
            asked.add(s + " " + days);
            return new BacktestRequests.Started(days == null || days < 30, "answer for " + s + " " + days);
        };
        CommandHandler handler = new CommandHandler(f.trader, new SymbolResolver(f.config.symbols()),
                new StatusReport(new BotInfo("ninja", "1", "simulated", "paper", "1m", TraderFixture.T0), f.trader,
                        f.clock, Money::object, Money::object), f.alerts, requests);

        Message week = send(handler, "/backtest btcusdt");
        Message month = send(handler, "backtest 30");

        assertThat(asked).containsExactly(BTC + " null", "null 30");
        assertThat(week.message()).isEqualTo("answer for BTC/USDT null");
        assertThat(week.data().path("started").asBoolean()).isTrue();
        assertThat(month.data().path("error").asText()).isEqualTo("refused");
        assertThat(send(handler, "/backtest 91").message()).isEqualTo("The count must be a whole number from 1 to "
                + "90; got \"91\". Usage: /backtest [SYMBOL] [DAYS]");
    }

    @Test
    void aBotWithoutBacktestsSaysSo() throws Exception {
        f = new TraderFixture(dir, "");
        CommandHandler handler = new CommandHandler(f.trader, new SymbolResolver(f.config.symbols()),
                new StatusReport(new BotInfo("ninja", "1", "simulated", "paper", "1m", TraderFixture.T0), f.trader,
                        f.clock, Money::object, Money::object), f.alerts);

        assertThat(send(handler, "/backtest").message()).isEqualTo("Backtests from the chat are not available in "
                + "this bot.");
    }
}
