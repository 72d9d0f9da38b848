package com.byninja.bot.link;

import static com.byninja.bot.TraderFixture.BTC;
import static com.byninja.bot.TraderFixture.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.control.SymbolResolver;
import com.byninja.bot.domain.EquitySample;
import com.byninja.bot.domain.Flag;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Order;
import com.byninja.protocol.Message;
import com.byninja.protocol.Tag;
import com.byninja.protocol.commands.Argument;
import com.byninja.protocol.commands.ArgumentKind;
import com.byninja.protocol.commands.Command;
import com.byninja.protocol.commands.CommandCatalogue;
import com.byninja.protocol.commands.Group;
import com.byninja.protocol.commands.ParseError;
import com.byninja.protocol.commands.Role;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandHandlerTest {

    static final String STOPPED_GLOBALLY = "Trading stopped globally. The strategy stops: no entries and no exits of "
            + "its own. Stop-loss, take-profit and the trailing stop keep protecting open positions; /forcebuy and "
            + "/forcesell still work.";

    @TempDir
    Path dir;
    TraderFixture f;
    CommandHandler handler;
    int ids;

    @BeforeEach
    void setUp() throws Exception {
        f = new TraderFixture(dir, "");
        BotInfo info = new BotInfo("ninja", "1.2.3", "simulated", "paper", "1m",
                TraderFixture.T0.minus(Duration.ofMinutes(62)));
        ObjectNode link = Money.object();
        link.put("state", "connected");
        link.put("framesSent", 12);
        ObjectNode counters = Money.object();
        counters.put("marketEventsDropped", 0);
        handler = new CommandHandler(f.trader, new SymbolResolver(f.config.symbols()),
                new StatusReport(info, f.trader, f.clock, () -> link, () -> counters), f.alerts);
        f.price(BTC, "60000");
        f.price(ETH, "3000");
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    Message send(Command command, String symbol) {
        return handler.handle(Message.command("c" + (++ids), command, symbol));
    }

    Message forceBuy(String symbol, String amount) {
        ObjectNode data = Money.object();
        data.put(ArgumentKind.AMOUNT.field(), amount);
        return handler.handle(Message.command("c" + (++ids), Command.FORCEBUY, symbol).withData(data));
    }

    @Test
    void everyReplyCarriesItsCommandsId() {
        Message reply = handler.handle(Message.command("abc-42", Command.STATUS, null));

        assertThat(reply.tag()).isEqualTo(Tag.REPLY);
        assertThat(reply.id()).isEqualTo("abc-42");
    }

    @Test
    void theReplyGoesOutBeforeTheAlertsTheCommandRaised() {
        List<String> order = new ArrayList<>();
        handler = new CommandHandler(f.trader, new SymbolResolver(f.config.symbols()),
                new StatusReport(new BotInfo("n", "v", "simulated", "paper", "1m", TraderFixture.T0), f.trader, f.clock,
                        Money::object, Money::object), alert -> order.add("alert: " + alert.text()));

        handler.handle(Message.command("c1", Command.STOPTRADING, null),
                reply -> order.add("reply: " + reply.message()));

        assertThat(order).containsExactly("reply: " + STOPPED_GLOBALLY,
                "alert: Trading stopped globally by command");
    }

    @Test
    void stoptradingStopsGloballyPersistsAndAlerts() throws Exception {
        Message reply = send(Command.STOPTRADING, null);

        assertThat(reply.message()).isEqualTo(STOPPED_GLOBALLY);
        assertThat(reply.data().path("enabled").asBoolean()).isFalse();
        assertThat(reply.data().path("effective").path("BTC/USDT").asBoolean()).isFalse();
        assertThat(f.trader.control().global().trading()).isFalse();
        assertThat(f.store.loadFlags().get("*").trading()).isFalse();
        assertThat(f.alerts.last().event()).isEqualTo("trading_stopped");
    }

    @Test
    void starttradingForASymbolSaysWhenTheGlobalSwitchStillBlocksIt() {
        send(Command.STOPTRADING, null);

        Message reply = send(Command.STARTTRADING, "btc-usdt");

        assertThat(reply.message()).isEqualTo("Trading was already on for BTC/USDT. It is still off globally, so "
                + "BTC/USDT does not trade yet; send /starttrading without a symbol to turn it on globally.");
        assertThat(reply.data().path("changed").asBoolean()).isFalse();
    }

    @Test
    void buyAndSellSwitchesWorkGloballyAndPerSymbol() {
        assertThat(send(Command.DISABLEBUY, "ETHUSDT").message()).isEqualTo("Buying disabled for ETH/USDT. No new "
                + "positions from the strategy; its exits go on. Stop-loss, take-profit and the trailing stop keep "
                + "protecting open positions; /forcebuy and /forcesell still work.");
        assertThat(f.trader.control().allows(ETH, Flag.BUY)).isFalse();
        assertThat(f.trader.control().allows(BTC, Flag.BUY)).isTrue();
        assertThat(send(Command.ENABLEBUY, "eth/usdt").message()).isEqualTo("Buying enabled for ETH/USDT.");
        assertThat(send(Command.DISABLESELL, null).message()).isEqualTo("Selling disabled globally. The strategy's "
                + "exits stop. Stop-loss, take-profit and the trailing stop keep protecting open positions; /forcebuy "
                + "and /forcesell still work.");
        assertThat(f.trader.control().allows(BTC, Flag.SELL)).isFalse();
        assertThat(send(Command.ENABLESELL, null).message()).isEqualTo("Selling enabled globally.");
        assertThat(send(Command.ENABLESELL, null).message()).isEqualTo("Selling was already on globally.");
    }

    @Test
    void forcebuySendsAnOrderForTheGivenAmount() {
        Message reply = forceBuy("BTC/USDT", "50");

        Order o = f.gateway.last();
        assertThat(o.quoteAmount()).isEqualByComparingTo("50");
        assertThat(reply.message()).isEqualTo("Buying BTC/USDT for 50.00 USDT at market (order " + o.clientOrderId()
                + "); the fill follows as an alert.");
        assertThat(reply.data().path("orderId").asText()).isEqualTo(o.clientOrderId());
        assertThat(reply.data().path("status").asText()).isEqualTo("new");
    }

    @Test
    void forcebuyWithoutAmountUsesTheStakeAndIgnoresTheBuySwitch() {
        send(Command.DISABLEBUY, null);

        Message reply = send(Command.FORCEBUY, "ETHUSDT");

        assertThat(reply.data().path("quoteAmount").asText()).isEqualTo("100");
    }

    @Test
    void forcebuyAboveTheMaximumStakeIsRefusedWithItsReason() {
        Message reply = forceBuy("BTC/USDT", "5000");

        assertThat(reply.message()).isEqualTo("Force buy of BTC/USDT refused (above_max_stake): stake 5000 USDT "
                + "exceeds the maximum of 1000 USDT (risk.maxStakeAmount)");
        assertThat(reply.data().path("reason").asText()).isEqualTo("ABOVE_MAX_STAKE");
        assertThat(f.gateway.placed).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-5", "0"})
    void forcebuyWithABadAmountSaysWhatIsExpected(String amount) {
        Message reply = forceBuy("BTC/USDT", amount);

        assertThat(reply.message()).isEqualTo("The amount must be a positive number, such as 25 or 12.5; got \""
                + amount + "\". Usage: /forcebuy SYMBOL [AMOUNT]");
        assertThat(reply.data().path("error").asText()).isEqualTo("bad_amount");
        assertThat(f.gateway.placed).isEmpty();
    }

    @Test
    void forcebuyWithoutSymbolGetsTheUsageAndTheSymbolsInItsData() {
        Message reply = send(Command.FORCEBUY, null);

        assertThat(reply.message()).isEqualTo("/forcebuy needs a symbol. Usage: /forcebuy SYMBOL [AMOUNT]");
        assertThat(reply.data().path("error").asText()).isEqualTo("missing_symbol");
        assertThat(reply.data().path("symbols").toString()).isEqualTo("[\"BTC/USDT\",\"ETH/USDT\"]");
    }

    @Test
    void anUnknownSymbolGetsTheConfiguredOnes() {
        Message reply = send(Command.FORCESELL, "DOGE/USDT");

        assertThat(reply.message()).isEqualTo("Unknown symbol 'DOGE/USDT'. Configured symbols: BTC/USDT, ETH/USDT");
        assertThat(reply.data().path("symbols")).hasSize(2);
    }

    @Test
    void forcesellWithoutPositionIsRefused() {
        Message reply = send(Command.FORCESELL, "BTCUSDT");

        assertThat(reply.message()).isEqualTo("Force sell of BTC/USDT refused (no_position): no open position in "
                + "BTC/USDT");
    }

    @Test
    void forcesellSellsTheWholePositionEvenWithSellingDisabled() {
        forceBuy("BTC/USDT", "100");
        f.gateway.fill(f.gateway.last(), "0.002", "50000", "0.1", f.clock.instant());
        f.drain();
        send(Command.DISABLESELL, null);

        Message reply = send(Command.FORCESELL, "BTC/USDT");

        assertThat(f.gateway.last().quantity()).isEqualByComparingTo("0.002");
        assertThat(reply.message()).startsWith("Selling 0.002 BTC of BTC/USDT at market (order ");
    }

    @Test
    void forcesellAllClosesEveryPosition() {
        forceBuy("BTC/USDT", "100");
        f.gateway.fill(f.gateway.last(), "0.002", "50000", "0.1", f.clock.instant());
        forceBuy("ETH/USDT", "100");
        f.gateway.fill(f.gateway.last(), "0.05", "2000", "0.1", f.clock.instant());
        f.drain();

        Message reply = send(Command.FORCESELL, "all");

        assertThat(reply.message()).startsWith("Closing 2 positions at market:");
        assertThat(reply.data().path("orders")).hasSize(2);
        assertThat(f.gateway.placed).hasSize(4);
    }

    @Test
    void forcesellAllWithNothingOpenSaysSo() {
        assertThat(send(Command.FORCESELL, "ALL").message()).isEqualTo("No open positions to sell.");
    }

    @Test
    void panicStopsTradingAndSellsEveryPositionRepliesAtOnceThenAlertsTheStop() {
        List<String> order = new ArrayList<>();
        handler = new CommandHandler(f.trader, new SymbolResolver(f.config.symbols()),
                new StatusReport(new BotInfo("n", "v", "simulated", "paper", "1m", TraderFixture.T0), f.trader, f.clock,
                        Money::object, Money::object), alert -> order.add("alert: " + alert.text()));
        f.openPosition(BTC, "0.002", "50000", "0.1");
        f.openPosition(ETH, "0.05", "2000", "0.1");
        int placed = f.gateway.placed.size();

        handler.handle(Message.command("p1", Command.PANIC, null), reply -> order.add("reply: " + reply.message()));

        List<Order> sells = f.gateway.placed.subList(placed, f.gateway.placed.size());
        assertThat(sells).extracting(Order::symbol).containsExactly(BTC, ETH);
        assertThat(order).containsExactly("reply: Panic: trading stopped globally; selling 2 positions at market:\n"
                        + "Selling 0.002 BTC of BTC/USDT (order " + sells.get(0).clientOrderId() + ")\n"
                        + "Selling 0.05 ETH of ETH/USDT (order " + sells.get(1).clientOrderId() + ")\n"
                        + "One summary follows when every sell has filled or failed.",
                "alert: Trading stopped globally by /panic");
        assertThat(f.trader.control().global().trading()).isFalse();
    }

    @Test
    void aSecondPanicWhileTheFirstWaitsForItsSellsSaysSoAndSendsNothing() {
        f.openPosition(BTC, "0.002", "50000", "0.1");
        send(Command.PANIC, null);
        int placed = f.gateway.placed.size();

        Message reply = send(Command.PANIC, null);

        assertThat(reply.message()).isEqualTo("A /panic is running already, since 10:00:00 UTC: 1 sell waits for the "
                + "exchange. Its summary follows when they are done; nothing more was sent.");
        assertThat(reply.data().path("error").asText()).isEqualTo("panic_running");
        assertThat(f.gateway.placed).hasSize(placed);
    }

    @Test
    void aPanicWithNothingOpenStopsTradingAndSaysNoSummaryFollows() {
        send(Command.STOPTRADING, null);
        int alerts = f.alerts.alerts.size();

        Message reply = send(Command.PANIC, null);

        assertThat(reply.message()).isEqualTo("Panic: trading was already stopped globally.\nNo open position to "
                + "sell, so no summary follows.");
        assertThat(f.alerts.alerts).as("no second stop alert").hasSize(alerts);
    }

    @Test
    void aPanicNamesWhatItCouldNotSellAndABuyStillOnItsWay() {
        f.openPosition(BTC, "0.002", "50000", "0.1");
        Order buy = f.forceBuy(ETH, "2000");
        f.gateway.full = true;

        Message reply = send(Command.PANIC, null);

        String refusal = reply.data().path("refused").get(0).path("message").asText();
        assertThat(refusal).matches("too many orders are waiting for the exchange; [a-z0-9-]+ was not sent");
        assertThat(reply.message()).isEqualTo("Panic: trading stopped globally; selling 1 position at market:\n"
                + "BTC/USDT not sold: " + refusal + "\n"
                + "A buy of ETH/USDT (order " + buy.clientOrderId() + ") still waits for the exchange: a position it "
                + "opens is not sold by this /panic; /forcesell ETH/USDT sells it.\n"
                + "Nothing could be sent, so no summary follows.");
    }

    @Test
    void statsReportTodayAndAllTime() {
        forceBuy("BTC/USDT", "100");
        f.gateway.fill(f.gateway.last(), "1", "100", "0.1", f.clock.instant());
        f.drain();
        send(Command.FORCESELL, "BTC/USDT");
        f.gateway.fill(f.gateway.last(), "1", "110", "0.11", f.clock.instant());
        f.drain();

        Message reply = send(Command.STATS, null);

        // 110 - 0.11 - 100 - 0.1 = 9.79
        assertThat(reply.message()).isEqualTo("""
                Stats for all symbols (USDT)
                Today: 1 trade, 1 won, 0 lost (win rate 100.00%), realised +9.79 USDT, fees 0.21 USDT, max drawdown 0.00 USDT
                All time: 1 trade, 1 won, 0 lost (win rate 100.00%), realised +9.79 USDT, fees 0.21 USDT, max drawdown 0.00 USDT
                Unrealised: 0.00 USDT on 0 open positions, after exit fees""");
        assertThat(reply.data().path("allTime").path("realisedPnl").asText()).isEqualTo("9.79");
        assertThat(send(Command.STATS, "ETH/USDT").data().path("allTime").path("trades").asInt()).isZero();
    }

    @Test
    void statusFitsAPhoneModeSwitchesPositionsWithPnlAndStopsEquityAndFreeBalance() {
        forceBuy("BTC/USDT", "100");
        f.gateway.fill(f.gateway.last(), "0.002", "50000", "0.1", f.clock.instant());
        f.drain();
        send(Command.DISABLEBUY, "ETH/USDT");
        f.clock.advance(Duration.ofMillis(1500));

        Message reply = send(Command.STATUS, null);

        // 0.002 BTC cost 100 + 0.1 fee; at 60000 it is worth 120: +19.90, 19.90 / 100.10 = +19.88 %. The equity is the
        // free 9899.90 and the position's 120. BTC/USDT trades as the global switches say: no line of its own. The
        // fixture's exchange gives no price tick: prices show the last price's decimals, two at least.
        assertThat(reply.message()).isEqualTo("""
                Paper on simulated, sma-cross on 1m candles
                Global: trading on, buy on, sell on
                ETH/USDT: trading on, buy off, sell on
                Positions (1):
                BTC/USDT 0.002 @ 50000.00, now 60000.00: +19.90 USDT (+19.88%)
                  protected: stop-loss 49000.00, take-profit 52000.00
                Equity 10019.90 USDT, no sample of today yet to compare with
                Free 9899.90 USDT""");
        ObjectNode d = reply.data();
        assertThat(d.path("name").asText()).isEqualTo("ninja");
        assertThat(d.path("uptimeSeconds").asLong()).isEqualTo(62 * 60 + 1);
        assertThat(d.path("symbols").path("ETH/USDT").path("effective").path("buy").asBoolean()).isFalse();
        assertThat(d.path("symbols").path("BTC/USDT").path("priceAgeMs").asLong()).isEqualTo(1500);
        assertThat(d.path("positions").get(0).path("unrealisedPnl").asText()).isEqualTo("19.9");
        assertThat(d.path("positions").get(0).path("unrealisedPnlPct").asText()).isEqualTo("19.88");
        assertThat(d.path("equityToday").path("now").asText()).isEqualTo("10019.9");
        // The control server draws a reply's data.chart and data.equity as pictures: status has neither.
        assertThat(d.has("chart") || d.has("equity")).isFalse();
        assertThat(d.path("equityToday").path("dayStart").isNull()).isTrue();
        // What /health now words stays in the data, for the programs that read it.
        assertThat(d.path("link").path("state").asText()).isEqualTo("connected");
        assertThat(d.path("counters").has("marketEventsDropped")).isTrue();
        assertThat(d.path("candlesRead").asLong()).isZero();
    }

    @Test
    void statusComparesTheEquityWithTheDaysFirstSampleAndFlagsOnlyStalePrices() throws Exception {
        f.store.saveEquity(new EquitySample(Instant.parse("2026-03-01T00:00:00Z"), new BigDecimal("10000")));
        forceBuy("BTC/USDT", "100");
        f.gateway.fill(f.gateway.last(), "0.002", "50000", "0.1", f.clock.instant());
        f.drain();
        f.clock.advance(Duration.ofSeconds(20));
        f.price(ETH, "3000");

        Message reply = send(Command.STATUS, null);

        // BTC/USDT's price is 20 s old, above marketData.staleAfterMs (15 s); ETH/USDT's is fresh and not shown.
        assertThat(reply.message()).isEqualTo("""
                Paper on simulated, sma-cross on 1m candles
                Global: trading on, buy on, sell on
                BTC/USDT: price STALE, 60000.00 20 s old
                Positions (1):
                BTC/USDT 0.002 @ 50000.00, now 60000.00 (STALE, 20 s old): +19.90 USDT (+19.88%)
                  protected: stop-loss 49000.00, take-profit 52000.00
                Equity 10019.90 USDT, +19.90 USDT (+0.19%) since 00:00 UTC
                Free 9899.90 USDT""");
        assertThat(reply.data().path("equityToday").path("dayStart").path("equity").asText()).isEqualTo("10000");
        assertThat(reply.data().path("equityToday").path("change").asText()).isEqualTo("19.9");
        // 19.9 of 10,000 is 0.199 %: rounded down, against the trader.
        assertThat(reply.data().path("equityToday").path("changePct").asText()).isEqualTo("0.19");
        assertThat(reply.data().path("symbols").path("BTC/USDT").path("stale").asBoolean()).isTrue();
    }

    @Test
    void statusShowsTheLocksInForceWithTheirReasonAndEndAndAForcedBuyPassesThemSayingSo() {
        forceBuy("BTC/USDT", "100");
        f.gateway.fill(f.gateway.last(), "0.002", "50000", "0.1", f.clock.instant());
        f.drain();
        f.clock.advance(Duration.ofSeconds(30));
        f.price(BTC, "49000");
        send(Command.FORCESELL, "BTC/USDT");
        f.gateway.fill(f.gateway.last(), "0.002", "49000", "0.098", f.clock.instant());
        f.drain();

        Message status = send(Command.STATUS, null);

        assertThat(status.message()).endsWith("Entry locks (1), for the strategy:\n"
                + "  Cooldown on BTC/USDT until 10:02 UTC: its position closed at 10:00:30 UTC by /forcesell; "
                + "cooldown 1 candle of 1m");
        ObjectNode lock = (ObjectNode) status.data().path("locks").get(0);
        assertThat(lock.path("protection").asText()).isEqualTo("cooldown");
        assertThat(lock.path("scope").asText()).isEqualTo("BTC/USDT");
        assertThat(lock.path("since").asText()).isEqualTo("2026-03-01T10:00:30Z");
        assertThat(lock.path("until").asText()).isEqualTo("2026-03-01T10:02:00Z");

        Message bought = forceBuy("BTC/USDT", "50");
        Message eth = forceBuy("ETH/USDT", "50");

        assertThat(bought.message()).isEqualTo("Buying BTC/USDT for 50.00 USDT at market (order "
                + f.gateway.placed.get(2).clientOrderId() + ") despite the cooldown on BTC/USDT until 10:02 UTC; "
                + "the fill follows as an alert.");
        assertThat(bought.data().path("despiteLocks").get(0).path("protection").asText()).isEqualTo("cooldown");
        assertThat(eth.message()).doesNotContain("despite");
        assertThat(eth.data().path("despiteLocks")).isEmpty();
    }

    @Test
    void statusShowsNoLocksSectionWhenNoneIsInForce() {
        Message status = send(Command.STATUS, null);

        assertThat(status.message()).doesNotContain("Entry locks");
        assertThat(status.data().path("locks").isArray()).isTrue();
        assertThat(status.data().path("locks")).isEmpty();
    }

    @Test
    void anUnknownCommandGetsTheServersAnswerAndItsDataListsTheBotsCommands() {
        Message reply = handler.handle(new Message(Tag.COMMAND, "moon", 0, "x1", null, null, null, null));

        assertThat(reply.message()).isEqualTo("Unknown command /moon. Send /help for the list.");
        assertThat(reply.data().path("error").asText()).isEqualTo("unknown_command");
        assertThat(reply.data().path("commands").toString()).isEqualTo("[\"status\",\"stats\",\"chart\",\"equity\","
                + "\"backtest\",\"health\",\"logs\",\"version\",\"balance\",\"profit\",\"daily\",\"weekly\","
                + "\"monthly\",\"performance\",\"positions\",\"trades\",\"orders\",\"starttrading\","
                + "\"stoptrading\",\"enablebuy\",\"disablebuy\",\"enablesell\",\"disablesell\",\"pause\","
                + "\"reload\",\"forcebuy\",\"forcesell\",\"panic\",\"breakeven\",\"cancel\"]");
        assertThat(handler.handle(new Message(Tag.COMMAND, "/stauts", 0, "x2", null, null, null, null)).message())
                .isEqualTo("Unknown command /stauts. Did you mean /status or /stats? Send /help for the list.");
    }

    @Test
    void statusTakesNoSymbolAndFlagCommandsTakeNoAmount() {
        assertThat(send(Command.STATUS, "BTC/USDT").message())
                .isEqualTo("/status takes no arguments. Usage: /status");
        assertThat(handler.handle(new Message(Tag.COMMAND, "stoptrading btc 5", 0, "x", null, null, null, null))
                .message()).isEqualTo("Too many arguments. Usage: /stoptrading [SYMBOL]");
        ObjectNode amount = Money.object();
        amount.put(ArgumentKind.AMOUNT.field(), "5");
        assertThat(handler.handle(Message.command("y", Command.STOPTRADING, "BTCUSDT").withData(amount)).message())
                .isEqualTo("Too many arguments. Usage: /stoptrading [SYMBOL]");
        assertThat(handler.handle(new Message(Tag.COMMAND, "stoptrading btc", 0, "z", null, null, null, null))
                .message()).isEqualTo("Unknown symbol 'BTC'. Configured symbols: BTC/USDT, ETH/USDT");
        assertThat(f.trader.control().global().trading()).isTrue();
    }

    /**
     * A frame from any peer is checked as the control server checks a chat's text, and gets the same words: the
     * reply to each frame is exactly the server's answer to the text beside it (CommandParserTest has the same).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '~', value = {
            "forcebuy ~ ~ ~ /forcebuy ~ /forcebuy needs a symbol. Usage: /forcebuy SYMBOL [AMOUNT]",
            "forcebuy ~ BTC/USDT ~ -5 ~ /forcebuy BTC/USDT -5 ~ The amount must be a positive number, such as 25 or "
                    + "12.5; got \"-5\". Usage: /forcebuy SYMBOL [AMOUNT]",
            "forcebuy ~ $BTC ~ ~ /forcebuy $BTC ~ \"$BTC\" is not a symbol; write it like BTC/USDT. Usage: /forcebuy "
                    + "SYMBOL [AMOUNT]",
            "forcesell ~ ~ ~ /forcesell ~ /forcesell needs a symbol or all. Usage: /forcesell SYMBOL|all",
            "forcesell BTC/USDT ETH/USDT ~ ~ ~ /forcesell BTC/USDT ETH/USDT ~ Too many arguments. Usage: /forcesell "
                    + "SYMBOL|all",
            "status now ~ ~ ~ /status now ~ /status takes no arguments. Usage: /status",
            "STATS@ninja_bot all ~ ~ ~ /STATS@ninja_bot all ~ \"all\" is not a symbol; write it like BTC/USDT. "
                    + "Usage: /stats [SYMBOL]",
            "/disablebuy ~ BTC/USDT/EUR ~ ~ /disablebuy BTC/USDT/EUR ~ \"BTC/USDT/EUR\" is not a symbol; write it "
                    + "like BTC/USDT. Usage: /disablebuy [SYMBOL]",
            "lambo ~ ~ ~ /lambo ~ Unknown command /lambo. Send /help for the list."
    })
    void aMalformedFrameGetsTheSameAnswerAsTheSameTextInTheChat(String message, String symbol, String amount,
                                                                String chat, String expected) {
        Message frame = new Message(Tag.COMMAND, message, 0, "m", symbol, null, null, null);
        if (amount != null) {
            ObjectNode data = Money.object();
            data.put(ArgumentKind.AMOUNT.field(), amount);
            frame = frame.withData(data);
        }

        Message reply = handler.handle(frame);

        assertThat(reply.message()).isEqualTo(expected);
        assertThat(CommandCatalogue.STANDARD.parse(chat)).isInstanceOfSatisfying(ParseError.class,
                error -> assertThat(error.message()).isEqualTo(expected));
        assertThat(reply.data().path("error").asText()).isEqualTo(
                ((ParseError) CommandCatalogue.STANDARD.parse(chat)).code());
        assertThat(f.gateway.placed).isEmpty();
    }

    @Test
    void aCommandOfTheControlServerIsNotOneOfTheBots() {
        Message reply = handler.handle(new Message(Tag.COMMAND, "help", 0, "h", null, null, null, null));

        assertThat(reply.message()).isEqualTo("/help is the control server's command; a trading bot does not answer "
                + "it.");
        assertThat(reply.data().path("error").asText()).isEqualTo("server_command");
    }

    @Test
    void aCommandDeclaredForTradingBotsWithoutAnActionHereStopsTheStart() {
        CommandCatalogue more = CommandCatalogue.STANDARD.with(Command.forBot("fills", Group.STATUS, Role.VIEWER,
                "the last fills", Argument.count(50).optional()));

        assertThatThrownBy(() -> new CommandHandler(more, f.trader, new SymbolResolver(f.config.symbols()), null,
                f.alerts)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("/fills [COUNT] is declared for trading bots, but this one has no action for it");
    }

    @Test
    void theMoneyAndTradeCommandsAnswerFromTheirReportsWithTheirArgumentsFromWordsOrFields() {
        f.openPosition(BTC, "0.002", "50000", "0");
        f.closePosition(BTC, "0.002", "51000", "0");
        ObjectNode count = Money.object();
        count.put(ArgumentKind.COUNT.field(), "1");

        Message profit = handler.handle(new Message(Tag.COMMAND, "profit 7", 0, "x1", null, null, null, null));
        Message trades = handler.handle(Message.command("x2", Command.TRADES, "btcusdt").withData(count));
        Message daily = handler.handle(new Message(Tag.COMMAND, "/daily 2", 0, "x3", null, null, null, null));

        assertThat(profit.message()).startsWith("Profit in USDT, the last 7 days (UTC, since 2026-02-23)\n"
                + "Realised    +2.00 on 1 trade\n");
        assertThat(trades.message()).startsWith("The last closed trade of BTC/USDT (USDT)\n");
        assertThat(daily.data().path("periods")).hasSize(2);
        for (Command c : List.of(Command.BALANCE, Command.WEEKLY, Command.MONTHLY, Command.PERFORMANCE,
                Command.POSITIONS, Command.ORDERS)) {
            Message reply = send(c, null);
            assertThat(reply.data().has("error")).as(c.name()).isFalse();
            assertThat(reply.data().path("blocks").isArray()).as(c.name()).isTrue();
        }
        assertThat(send(Command.POSITIONS, "DOGE/USDT").message()).isEqualTo("Unknown symbol 'DOGE/USDT'. "
                + "Configured symbols: BTC/USDT, ETH/USDT");
    }

    @Test
    void argumentsMayFollowTheCommandName() {
        Message reply = handler.handle(new Message(Tag.COMMAND, "/forcebuy eth-usdt 25", 0, "x", null, null, null,
                null));

        assertThat(reply.data().path("symbol").asText()).isEqualTo("ETH/USDT");
        assertThat(reply.data().path("quoteAmount").asText()).isEqualTo("25");
    }

    @Test
    void statusShowsWhereEachPositionIsProtectedAndThatSwitchesDoNotTurnStopsOff() {
        forceBuy("BTC/USDT", "100");
        f.gateway.fill(f.gateway.last(), "0.002", "50000", "0.1", f.clock.instant());
        f.drain();
        send(Command.STOPTRADING, null);

        Message reply = send(Command.STATUS, null);

        // Entry 50000: stop-loss 2 % below is 49000, take-profit 4 % above is 52000.
        assertThat(reply.message()).contains("Global: trading off, buy on, sell on\n", "BTC/USDT 0.002 @ 50000.00, now "
                + "60000.00: +19.90 USDT (+19.88%)\n  protected: stop-loss 49000.00, take-profit 52000.00\n");
        assertThat(reply.data().path("positions").get(0).path("protection").path("stopLoss").asText())
                .isEqualTo("49000");
        assertThat(reply.data().path("protectiveExits").asBoolean()).isTrue();
    }

    @Test
    void statusSaysSoOnEveryPositionWhenProtectiveExitsAreOff() throws Exception {
        f.close();
        f = new TraderFixture(dir.resolve("off"), "risk:\n  protectiveExits: false\n");
        handler = new CommandHandler(f.trader, new SymbolResolver(f.trader.symbols()),
                new StatusReport(new BotInfo("ninja", "1", "simulated", "paper", "1m", TraderFixture.T0), f.trader,
                        f.clock, Money::object, Money::object), f.alerts);
        f.price(BTC, "60000");
        forceBuy("BTC/USDT", "100");
        f.gateway.fill(f.gateway.last(), "0.002", "50000", "0.1", f.clock.instant());
        f.drain();

        Message reply = send(Command.STATUS, null);

        assertThat(reply.message()).contains("Global: trading on, buy on, sell on\nPROTECTIVE EXITS OFF "
                + "(risk.protectiveExits: false): no stop-loss, take-profit or trailing stop\n", "BTC/USDT 0.002 @ "
                + "50000.00, now 60000.00: +19.90 USDT (+19.88%)\n  NOT PROTECTED (risk.protectiveExits: false)\n");
    }

    @Test
    void aPositionOnASymbolNoLongerConfiguredIsShownPricedAndClosableByCommand() throws Exception {
        forceBuy("BTC/USDT", "100");
        f.gateway.fill(f.gateway.last(), "0.002", "50000", "0.1", f.clock.instant());
        f.drain();
        f.close();
        f = new TraderFixture(dir, "symbols: [ETH/USDT]\n");
        handler = new CommandHandler(f.trader, new SymbolResolver(f.trader.symbols()),
                new StatusReport(new BotInfo("ninja", "1", "simulated", "paper", "1m", TraderFixture.T0), f.trader,
                        f.clock, Money::object, Money::object), f.alerts);
        f.price(BTC, "51000");
        f.price(ETH, "3000");

        Message status = send(Command.STATUS, null);
        assertThat(status.message()).contains("Positions (1):\nBTC/USDT 0.002 @ 50000.00, now 51000.00: +1.90 USDT "
                + "(+1.89%)",
                "\nBTC/USDT: NOT CONFIGURED: kept for its position (priced, protected, /forcesell only)\n");
        assertThat(status.data().path("positions").get(0).path("configured").asBoolean()).isFalse();

        Message buy = forceBuy("BTC/USDT", "50");
        assertThat(buy.data().path("reason").asText()).isEqualTo("SYMBOL_NOT_CONFIGURED");

        Message sell = send(Command.FORCESELL, "btcusdt");
        assertThat(sell.message()).startsWith("Selling 0.002 BTC of BTC/USDT at market (order ");
    }
}
