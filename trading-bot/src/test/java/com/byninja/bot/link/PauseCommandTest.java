package com.byninja.bot.link;

import static com.byninja.bot.TraderFixture.BTC;
import static com.byninja.bot.TraderFixture.ETH;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.control.SymbolResolver;
import com.byninja.bot.domain.CandleDecision;
import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import com.byninja.protocol.Message;
import com.byninja.protocol.commands.ArgumentKind;
import com.byninja.protocol.commands.Command;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /pause} on a trader with a real SQLite file, whose strategy wants to buy on every candle: its buys are refused
 * until the pause ends, then buying resumes by itself with an alert; exits and {@code /forcebuy} go on; the pause
 * survives a restart, and one that ended while the bot was stopped is lifted at the next start and said so. The clock
 * starts at 10:00:00 UTC.
 */
class PauseCommandTest {

    static final String ALWAYS_BUY = """
            strategy:
              name: rules
              rules:
                entry: "close > 0"
                exit: "close < 0"
            """;
    static final String GOES_ON = "the strategy opens no position; its exits, stop-loss, take-profit and the trailing "
            + "stop go on, and /forcebuy still works. Buying resumes by itself at the end;";

    @TempDir
    Path dir;
    TraderFixture f;
    CommandHandler handler;
    int ids;

    @BeforeEach
    void setUp() throws Exception {
        f = new TraderFixture(dir, ALWAYS_BUY);
        newHandler();
        f.price(BTC, "100");
        f.price(ETH, "3000");
    }

    void newHandler() {
        handler = new CommandHandler(f.trader, new SymbolResolver(f.config.symbols()),
                new StatusReport(new BotInfo("ninja", "1", "simulated", "paper", "1m", TraderFixture.T0), f.trader,
                        f.clock, Money::object, Money::object), f.alerts);
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    Message pause(String symbol, String duration) {
        ObjectNode data = Money.object();
        data.put(ArgumentKind.DURATION.field(), duration);
        return handler.handle(Message.command("p" + (++ids), Command.PAUSE, symbol).withData(data));
    }

    Message send(Command command, String symbol) {
        return handler.handle(Message.command("c" + (++ids), command, symbol));
    }

    /** Prices {@code s} at {@code close} now, then closes a candle there: the strategy wants to buy. */
    void candle(Symbol s, String close) {
        f.price(s, close);
        f.candle(s, close);
    }

    List<String> decisions() throws SQLException {
        long session = f.store.decisionSessions().get(f.store.decisionSessions().size() - 1).id();
        return f.store.decisions(session).stream().map(CandleDecision::describe).toList();
    }

    String statusLine(String start) {
        return send(Command.STATUS, null).message().lines().filter(l -> l.startsWith(start)).findFirst()
                .orElse("(no line " + start + ")");
    }

    @Test
    void aPauseRefusesTheStrategysBuysUntilItsEndThenBuyingResumesByItselfWithAnAlert() throws Exception {
        Message reply = pause(null, "30m");

        assertThat(reply.message()).isEqualTo("Buying paused on every symbol until 10:30 UTC (30m): " + GOES_ON
                + " /enablebuy ends the pause sooner.");
        assertThat(reply.data().path("until").asText()).isEqualTo("2026-03-01T10:30:00Z");
        assertThat(reply.data().path("replacedUntil").isNull()).isTrue();
        assertThat(statusLine("Global:")).isEqualTo("Global: trading on, buy paused until 10:30 UTC, sell on");
        // The reply says it: no alert when it starts.
        assertThat(f.alerts.events()).isEmpty();

        candle(BTC, "100");
        f.clock.set(Instant.parse("2026-03-01T10:29:59Z"));
        candle(ETH, "3000");
        assertThat(f.gateway.placed).isEmpty();

        f.clock.set(Instant.parse("2026-03-01T10:30:00Z"));
        f.trader.periodicChecks();
        assertThat(f.alerts.events()).containsExactly("entry_unlocked");
        assertThat(f.alerts.last().text()).isEqualTo("Buying pause on every symbol ended at 10:30 UTC: the strategy "
                + "may buy again.");
        assertThat(statusLine("Global:")).isEqualTo("Global: trading on, buy on, sell on");
        candle(BTC, "100");

        assertThat(decisions()).containsExactly("BUY_IGNORED (PAUSED)", "BUY_IGNORED (PAUSED)", "ENTRY");
        assertThat(f.gateway.placed).extracting(Order::purpose).containsExactly(Purpose.ENTRY);
        assertThat(f.store.locks()).isEmpty();
    }

    @Test
    void aPauseOfOneSymbolLeavesTheOthersBuyingAndEndsOnAWholeMinute() {
        f.clock.set(Instant.parse("2026-03-01T10:03:17Z"));
        f.price(ETH, "3000");

        Message reply = pause("ETH/USDT", "4h");

        assertThat(reply.message()).isEqualTo("Buying paused for ETH/USDT until 14:04 UTC (4h): " + GOES_ON
                + " /enablebuy ETH/USDT ends the pause sooner.");
        assertThat(statusLine("ETH/USDT:")).isEqualTo("ETH/USDT: trading on, buy paused until 14:04 UTC, sell on");
        candle(ETH, "3000");
        candle(BTC, "100");
        assertThat(f.gateway.placed).extracting(Order::symbol).containsExactly(BTC);
    }

    @Test
    void exitsStopsAndAForcedBuyGoOnDuringAPause() {
        f.openPosition(BTC, "1", "100", "0.1");
        pause(null, "1h");

        Message bought = handler.handle(Message.command("fb", Command.FORCEBUY, "ETH/USDT")
                .withData(amount("50")));
        // 2 % below the entry of 100: the stop-loss sells.
        f.price(BTC, "97");
        f.trader.periodicChecks();

        assertThat(bought.message()).contains(" despite the buying pause on all symbols until 11:00 UTC; ");
        assertThat(f.gateway.placed).extracting(Order::purpose).containsExactly(Purpose.FORCE_BUY,
                Purpose.FORCE_BUY, Purpose.STOP_LOSS);
    }

    @Test
    void aSecondPauseReplacesTheFirstAndEnablebuyEndsItSooner() throws Exception {
        pause(null, "4h");

        Message shorter = pause(null, "30m");

        assertThat(shorter.message()).endsWith(" It replaces the pause that was to end at 14:00 UTC.");
        assertThat(shorter.data().path("replacedUntil").asText()).isEqualTo("2026-03-01T14:00:00Z");
        assertThat(f.store.locks()).extracting(EntryLock::until).containsExactly(Instant.parse("2026-03-01T10:30:00Z"));

        Message enabled = send(Command.ENABLEBUY, null);

        assertThat(enabled.message()).isEqualTo("Buying was already on globally. The buying pause until 10:30 UTC is "
                + "over.");
        assertThat(enabled.data().path("pauseEnded").asText()).isEqualTo("2026-03-01T10:30:00Z");
        assertThat(f.store.locks()).isEmpty();
        candle(BTC, "100");
        assertThat(f.gateway.placed).hasSize(1);
        // Ended by command, it is no alert: the reply said it.
        assertThat(f.alerts.events()).isEmpty();
    }

    @Test
    void enablebuyOfASymbolSaysWhichPausesStillHoldAndViceVersa() {
        pause("ETH/USDT", "1h");
        pause(null, "2h");

        assertThat(send(Command.ENABLEBUY, "ETH/USDT").message()).isEqualTo("Buying was already on for ETH/USDT. The "
                + "buying pause until 11:00 UTC is over. Buying is still paused on every symbol until 12:00 UTC; "
                + "/enablebuy without a symbol ends that pause.");

        pause("BTC/USDT", "3h");
        assertThat(send(Command.ENABLEBUY, null).message()).isEqualTo("Buying was already on globally. The buying "
                + "pause until 12:00 UTC is over. BTC/USDT stays paused until 13:00 UTC (/enablebuy BTC/USDT ends "
                + "it).");
    }

    @Test
    void aPauseWhereBuyingIsDisabledSaysBuyingStaysOffAfterIt() throws Exception {
        send(Command.DISABLEBUY, "BTC/USDT");

        Message reply = pause("BTC/USDT", "15m");

        assertThat(reply.message()).endsWith(" Buying is disabled there as well (/disablebuy): it stays off after the "
                + "pause until /enablebuy.");
        assertThat(statusLine("BTC/USDT:")).isEqualTo("BTC/USDT: trading on, buy off, sell on");
        f.clock.set(Instant.parse("2026-03-01T10:15:00Z"));
        f.trader.periodicChecks();
        assertThat(f.alerts.last().text()).isEqualTo("Buying pause ended at 10:15 UTC; buying stays disabled "
                + "(/disablebuy) until /enablebuy.");
        assertThat(f.alerts.last().symbol()).isEqualTo("BTC/USDT");
    }

    @Test
    void aPauseIsKeptAcrossRestartsAndOneThatEndedWhileTheBotWasStoppedIsLiftedAndSaidSo() throws Exception {
        pause("BTC/USDT", "2h");
        pause(null, "1h");

        f.clock.set(Instant.parse("2026-03-01T10:45:00Z"));
        f.restart();
        newHandler();
        candle(ETH, "3000");
        assertThat(f.trader.pauses()).extracting(EntryLock::scope).containsExactly("*", "BTC/USDT");
        assertThat(statusLine("Global:")).isEqualTo("Global: trading on, buy paused until 11:00 UTC, sell on");

        f.clock.set(Instant.parse("2026-03-01T11:30:00Z"));
        f.restart();
        newHandler();

        assertThat(f.alerts.events()).containsExactly("entry_unlocked");
        assertThat(f.alerts.last().text()).isEqualTo("Buying pause on every symbol ended at 11:00 UTC, while the bot "
                + "was stopped: the strategy may buy again.");
        assertThat(f.trader.pauses()).extracting(EntryLock::scope).containsExactly("BTC/USDT");
        f.price(BTC, "100");
        assertThat(statusLine("BTC/USDT:")).isEqualTo("BTC/USDT: trading on, buy paused until 12:00 UTC, sell on");
        candle(ETH, "3000");
        candle(BTC, "100");
        assertThat(decisions()).containsExactly("ENTRY", "BUY_IGNORED (PAUSED)");
    }

    @Test
    void aPauseThatCannotBeSavedChangesNothingAndSaysSo() throws Exception {
        f.db.close();

        Message reply = pause(null, "1h");

        assertThat(reply.message()).startsWith("pause failed: the change could not be saved (");
        assertThat(reply.message()).endsWith("); nothing changed");
        assertThat(f.trader.pauses()).isEmpty();
    }

    static ObjectNode amount(String amount) {
        ObjectNode data = Money.object();
        data.put(ArgumentKind.AMOUNT.field(), amount);
        return data;
    }
}
