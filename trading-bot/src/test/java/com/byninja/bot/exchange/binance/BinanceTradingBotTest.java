package com.byninja.bot.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.bot.TradingBot;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.store.Database;
import com.byninja.bot.store.TradingStore;
import com.byninja.protocol.LinkSecret;
import com.byninja.protocol.LinkServer;
import com.byninja.protocol.LinkSession;
import com.byninja.protocol.Message;
import com.byninja.protocol.MessageRouter;
import com.byninja.protocol.Tag;
import com.byninja.protocol.commands.ArgumentKind;
import com.byninja.protocol.commands.Command;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bot on the real xchange-binance module against the local Binance stub, commanded over a real link:
 * paper trading on the stub's prices and candles end to end, and a live restart reconciled with the exchange.
 */
// The bot of a try block runs for the block and is not otherwise referenced there.
@SuppressWarnings("try")
class BinanceTradingBotTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");

    @TempDir
    Path dir;
    BinanceStub stub;
    LinkServer server;
    final BlockingQueue<Message> replies = new LinkedBlockingQueue<>();
    final List<Message> alerts = new CopyOnWriteArrayList<>();
    int ids;

    @BeforeEach
    void start() throws Exception {
        stub = new BinanceStub();
        LinkSecret secret = LinkSecret.resolve(null, dir.resolve("link.secret"));
        server = LinkServer.builder(secret).port(0)
                .router(new MessageRouter()
                        .on(Tag.REPLY, (s, m) -> replies.add(m))
                        .on(Tag.ALERT, (s, m) -> alerts.add(m)))
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
        stub.close();
    }

    String link() {
        return """
                name: ninja
                timeframe: 1m
                marketData:
                  pollIntervalMs: 50
                  warmupBars: 30
                link:
                  enabled: true
                  port: %d
                  secretFile: %s
                  heartbeatIntervalMs: 1000
                  reconnectMinDelayMs: 50
                  reconnectMaxDelayMs: 200
                  statusIntervalMs: 0
                """.formatted(server.port(), dir.resolve("link.secret").toString().replace("\\", "/"));
    }

    Message request(Message command) throws InterruptedException {
        await().atMost(Duration.ofSeconds(10)).until(() -> server.session("ninja").isPresent());
        LinkSession session = server.session("ninja").orElseThrow();
        assertThat(session.send(command)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Message reply = replies.poll(100, TimeUnit.MILLISECONDS);
            if (reply != null && command.id().equals(reply.id())) {
                return reply;
            }
        }
        throw new AssertionError("no reply to " + command);
    }

    Message awaitAlert(String event, String orderId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> alerts.stream().anyMatch(m -> is(m, event, orderId)));
        return alerts.stream().filter(m -> is(m, event, orderId)).findFirst().orElseThrow();
    }

    /** Waits until the bot has announced its start and has a BTC/USDT price. */
    void awaitStartedWithPrices() {
        awaitAlert("bot_started", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> request(Message.command("s-" + (++ids),
                Command.STATUS, null)).data().path("symbols").path("BTC/USDT").has("lastPrice"));
    }

    /** Force-buys BTC/USDT for 100 USDT; @return the order's client order id */
    String forceBuy100() throws InterruptedException {
        ObjectNode amount = Money.object();
        amount.put(ArgumentKind.AMOUNT.field(), "100");
        return request(Message.command("b-" + (++ids), Command.FORCEBUY, "BTC/USDT").withData(amount)).data()
                .path("orderId").asText();
    }

    static boolean is(Message m, String event, String orderId) {
        return m.data() != null && event.equals(m.data().path("event").asText())
                && (orderId == null || orderId.equals(m.data().path("orderId").asText()));
    }

    @Test
    void paperTradingOnBinancePricesFillsInThePaperWalletAndNeverSendsAnOrder() throws Exception {
        BotConfig config = StubConfigs.paper(dir, stub, link());
        try (TradingBot bot = TradingBot.start(config, Clock.systemUTC())) {
            awaitStartedWithPrices();

            Message status = request(Message.command("s-" + (++ids), Command.STATUS, null));
            assertThat(status.data().path("exchange").asText()).isEqualTo("binance");
            assertThat(status.data().path("mode").asText()).isEqualTo("paper");
            assertThat(status.data().path("symbols").path("BTC/USDT").path("bars").asInt()).isEqualTo(30);
            assertThat(status.data().path("symbols").path("BTC/USDT").path("lastPrice").asText()).isEqualTo("60000");

            String orderId = forceBuy100();
            Message opened = awaitAlert("position_opened", orderId);

            // 60000 plus 0.05 % slippage = 60030; 100 / 60030 rounded down to the 0.00001 step = 0.00166 BTC,
            // costing 99.6498 USDT plus a 0.1 % fee of 0.0996498.
            assertThat(opened.message()).contains("0.00166", "60030");
            Message after = request(Message.command("s-" + (++ids), Command.STATUS, null));
            assertThat(new BigDecimal(after.data().path("freeQuote").asText())).isEqualByComparingTo("9900.2505502");
            assertThat(stub.requests("POST", "/api/v3/order")).isEmpty();
            assertThat(stub.requests("GET", "/api/v3/account")).isEmpty();
            assertThat(stub.requests("GET", "/api/v3/klines")).isNotEmpty();
        }
    }

    @Test
    void aLiveRestartRecordsTheFillOfAnOrderLeftNewAndAlertsEveryDifference() throws Exception {
        BotConfig config = StubConfigs.live(dir, stub, link());
        try (Database db = Database.open(config.databaseFile())) {
            new TradingStore(db).insertOrder(Order.newOrder(OrderRequest.buy("bn-left-1", BTC, new BigDecimal("100")),
                    Purpose.FORCE_BUY, Instant.now()));
        }
        stub.addOrder("BTCUSDT", "bn-left-1", "BUY", "0.00166", "60000", "FILLED");
        stub.addOrder("ETHUSDT", "someone-else-7", "SELL", "0.5", "3500", "NEW");
        stub.balances.put("BTC", new BigDecimal("0.5"));

        try (TradingBot bot = TradingBot.start(config, Clock.systemUTC())) {
            awaitAlert("live_trading", null);
            Message reconciliation = awaitAlert("reconciliation", null);
            assertThat(reconciliation.data().path("differences")).hasSize(3);
            assertThat(reconciliation.message()).contains(
                    "order bn-left-1 (BUY BTC/USDT) left unfinished was FILLED on binance: 0.00166 BTC at 60000",
                    "binance has an open order the bot did not place: SELL 0.5 ETHUSDT",
                    "balance mismatch: binance holds 0.5 BTC, the bot's positions and dust account for 0.00166 BTC "
                            + "(positions 0.00166, dust 0)");
            Message opened = awaitAlert("position_opened", "bn-left-1");
            assertThat(opened.message()).contains("0.00166");
            assertThat(alerts.indexOf(reconciliation)).isLessThan(alerts.indexOf(awaitAlert("bot_started", null)));
        }
        // Nothing was bought or sold again; the position found got its stop-loss on binance.
        assertThat(stub.requests("POST", "/api/v3/order")).allSatisfy(r -> assertThat(r.params())
                .containsEntry("type", "STOP_LOSS_LIMIT").containsEntry("quantity", "0.00166"));
        try (Database db = Database.open(config.databaseFile())) {
            assertThat(new TradingStore(db).order("bn-left-1")).get()
                    .satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
        }
    }

    @Test
    void theDustOfTwoLiveRoundTripsIsNoDifferenceAtTheNextStartButARealExtraIsReportedWithBothFigures()
            throws Exception {
        // About the dust a sell leaves: without a stop on binance, each sell is the only one of its position.
        BotConfig config = StubConfigs.live(dir, stub, link() + "control:\n  tradingOnFirstStart: false\n"
                + "risk:\n  stopLossOnExchange: false\n");
        stub.feeCharge = BinanceStub.FeeCharge.RECEIVED;
        stub.settles = true;
        try (TradingBot bot = TradingBot.start(config, Clock.systemUTC())) {
            awaitAlert("bot_started", null);
            for (int trip = 0; trip < 2; trip++) {
                String bought = forceBuy100();
                awaitAlert("position_opened", bought);
                String sold = request(Message.command("x-" + (++ids), Command.FORCESELL, "BTC/USDT"))
                        .data().path("orderId").asText();
                awaitAlert("position_closed", sold);
            }
        }
        // Each trip: 100 USDT buys 0.00166 BTC, 0.00000166 BTC of it taken as the fee: 0.00165834 held; the sell,
        // rounded down to the 0.00001 step, sells 0.00165 and leaves 0.00000834. Two trips: 0.00001668 BTC,
        // more than one step.
        assertThat(stub.balances.get("BTC")).isEqualByComparingTo("0.00001668");
        try (Database db = Database.open(config.databaseFile())) {
            assertThat(new TradingStore(db).dust()).containsEntry("BTC", new BigDecimal("0.00001668"));
        }
        alerts.clear();

        try (TradingBot bot = TradingBot.start(config, Clock.systemUTC())) {
            awaitAlert("bot_started", null);
            // Alerts raised while starting go out before bot_started.
            assertThat(alerts).noneMatch(m -> is(m, "reconciliation", null));
        }
        alerts.clear();
        stub.balances.merge("BTC", new BigDecimal("0.01"), BigDecimal::add);

        try (TradingBot bot = TradingBot.start(config, Clock.systemUTC())) {
            Message reconciliation = awaitAlert("reconciliation", null);
            assertThat(reconciliation.data().path("differences")).hasSize(1);
            assertThat(reconciliation.message()).contains("balance mismatch: binance holds 0.01001668 BTC, the bot's "
                    + "positions and dust account for 0.00001668 BTC (positions 0, dust 0.00001668)");
            awaitAlert("bot_started", null);
            assertThat(alerts.stream().filter(m -> is(m, "reconciliation", null))).hasSize(1);
        }
    }

    @Test
    void aLiveForceBuyWhoseAnswerTimesOutIsFoundByItsClientOrderIdAndExistsOnceOnTheExchange() throws Exception {
        BotConfig config = StubConfigs.live(dir, stub, 300, link());
        stub.orderAnswerDelayMs = 2_000;
        try (TradingBot bot = TradingBot.start(config, Clock.systemUTC())) {
            awaitStartedWithPrices();

            String orderId = forceBuy100();
            Message opened = awaitAlert("position_opened", orderId);

            assertThat(opened.message()).contains("0.00166");
            assertThat(stub.requests("POST", "/api/v3/order")).singleElement()
                    .satisfies(r -> assertThat(r.params()).containsEntry("newClientOrderId", orderId));
            assertThat(stub.orders).hasSize(1);
            assertThat(stub.requests("GET", "/api/v3/order")).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.params()).containsEntry("origClientOrderId", orderId));
        }
    }

    @Test
    void aLiveOrderWhoseAnswerWasLostAndThatBinanceShowsOnlyLaterIsAppliedOnceWhenItAppears() throws Exception {
        BotConfig config = StubConfigs.live(dir, stub, 300, link());
        stub.orderAnswerDelayMs = 2_000;
        stub.orderVisibleAfterMs = 4_000;
        try (TradingBot bot = TradingBot.start(config, Clock.systemUTC())) {
            awaitStartedWithPrices();

            String orderId = forceBuy100();

            // Lookups find nothing for 4 s (a bot that gave up after a second would record it as never placed);
            // it stays NEW, the symbol waits, and the fill is applied once the order shows.
            Message opened = awaitAlert("position_opened", orderId);
            // Binance's tick for BTCUSDT is 0.01: the price reads to it.
            assertThat(opened.message()).isEqualTo("Opened by /forcebuy: bought 0.00166 BTC at 60000.00 for 99.60 "
                    + "USDT, fee 0.10 USDT");
            assertThat(stub.requests("GET", "/api/v3/order").size()).isGreaterThanOrEqualTo(3);
            assertThat(stub.requests("POST", "/api/v3/order")).hasSize(1);
            assertThat(alerts).noneMatch(m -> is(m, "order_not_placed", orderId) || is(m, "order_unknown", orderId));
        }
    }

    @Test
    void aLiveSellAsksOnlyForWhatTheAccountHoldsWhenTheBuysFeeInTheCoinIsNotKnownYet() throws Exception {
        // About one sell's size: without a stop on binance, the forcesell is the only sell of the position.
        BotConfig config = StubConfigs.live(dir, stub, 300, link() + "risk:\n  stopLossOnExchange: false\n");
        stub.feeCharge = BinanceStub.FeeCharge.RECEIVED;
        stub.settles = true;
        try (TradingBot bot = TradingBot.start(config, Clock.systemUTC())) {
            awaitStartedWithPrices();
            // The buy's answer is lost, and its trades cannot be read when it is looked up: its fee is unknown.
            stub.orderAnswerDelayMs = 2_000;
            for (int i = 0; i < 3; i++) {
                stub.failNext("/api/v3/myTrades", new BinanceStub.Fault(503, 0, "{\"code\":-1001,\"msg\":\"down\"}"));
            }
            String buyId = forceBuy100();
            Message opened = awaitAlert("position_opened", buyId);
            assertThat(opened.message()).isEqualTo("Opened by /forcebuy: bought 0.00166 BTC at 60000.00 for 99.60 "
                    + "USDT, fee not known yet");
            stub.orderAnswerDelayMs = 0;
            // Binance kept 0.00000166 BTC of the 0.00166 bought: the account holds 0.00165834.
            await().atMost(Duration.ofSeconds(10)).until(() -> request(Message.command("s-" + (++ids),
                    Command.STATUS, null)).data().path("balances").path("BTC").asText().equals("0.00165834"));

            String sellId = request(Message.command("f-" + (++ids), Command.FORCESELL, "BTC/USDT")).data()
                    .path("orderId").asText();

            // Matched to the account (0.00165834), rounded down to the 0.00001 step by the order: 0.00165 sold, and
            // the 0.00000834 left is dust. Selling the book's 0.00166 would have been refused for ever.
            Message closed = awaitAlert("position_closed", sellId);
            assertThat(closed.message()).startsWith("Closed by /forcesell: sold 0.00165 BTC at 60000.00");
            assertThat(stub.requests("POST", "/api/v3/order")).filteredOn(r -> "SELL".equals(r.params().get("side")))
                    .singleElement().satisfies(r -> assertThat(r.params()).containsEntry("quantity", "0.00165"));
        }
    }

    /** The stop-loss resting on binance for BTC/USDT, once the bot has placed it. */
    BinanceStub.StubOrder awaitRestingStop() {
        await().atMost(Duration.ofSeconds(10)).until(() -> stub.orders.stream().anyMatch(o ->
                o.type().equals("STOP_LOSS_LIMIT") && o.status().equals("NEW")));
        return stub.orders.stream().filter(o -> o.type().equals("STOP_LOSS_LIMIT") && o.status().equals("NEW"))
                .findFirst().orElseThrow();
    }

    @Test
    void aLiveEntryGetsItsStopOnBinanceAndAForceSellCancelsTheStopBeforeItSells() throws Exception {
        BotConfig config = StubConfigs.live(dir, stub, 300, link()
                + "risk:\n  stopLossPct: 2\n  stopLossOnExchange: true\norders:\n  statusPollMs: 200\n");
        stub.settles = true;
        try (TradingBot bot = TradingBot.start(config, Clock.systemUTC())) {
            awaitStartedWithPrices();
            String buyId = forceBuy100();
            awaitAlert("position_opened", buyId);

            // 0.00166 BTC at 60,000: the stop 2 % below, 58,800.00, its limit 0.5 % lower, 58,506.00.
            BinanceStub.StubOrder stop = awaitRestingStop();
            assertThat(stop.side()).isEqualTo("SELL");
            assertThat(stop.quantity()).isEqualByComparingTo("0.00166");
            assertThat(stop.stopPrice()).isEqualByComparingTo("58800.00");
            assertThat(stop.price()).isEqualByComparingTo("58506.00");
            // The coins it covers are locked on binance, not free.
            assertThat(stub.balances.getOrDefault("BTC", BigDecimal.ZERO)).isEqualByComparingTo("0");
            assertThat(stub.locked.get("BTC")).isEqualByComparingTo("0.00166");
            await().atMost(Duration.ofSeconds(5)).until(() -> request(Message.command("p-" + (++ids),
                    Command.POSITIONS, null)).message().contains(" on exchange stop 58800.00, limit 58506.00"));

            Message reply = request(Message.command("f-" + (++ids), Command.FORCESELL, "BTC/USDT"));
            assertThat(reply.message()).startsWith("Cancelling the stop-loss on the exchange (order "
                    + stop.clientOrderId() + ") first; then selling 0.00166 BTC of BTC/USDT at market");
            await().atMost(Duration.ofSeconds(10)).until(() -> alerts.stream().anyMatch(m ->
                    is(m, "position_closed", null)));
            Message closed = alerts.stream().filter(m -> is(m, "position_closed", null)).findFirst().orElseThrow();
            assertThat(closed.message()).startsWith("Closed by /forcesell: sold 0.00166 BTC at 60000.00");
        }
        // The cancel went out, and only then the market sell: no coin was ever covered by two sells.
        List<BinanceStub.Request> trading = stub.requests.stream().filter(r -> r.path().equals("/api/v3/order")
                && !r.method().equals("GET")).toList();
        assertThat(trading).extracting(r -> r.method() + " " + r.params().getOrDefault("type", "cancel")
                + " " + r.params().getOrDefault("side", ""))
                .containsExactly("POST MARKET BUY", "POST STOP_LOSS_LIMIT SELL", "DELETE cancel ",
                        "POST MARKET SELL");
    }

    @Test
    void aStopThatFilledOnBinanceWhileTheBotWasStoppedClosesThePositionAtTheNextStartWithItsRealPnl()
            throws Exception {
        BotConfig config = StubConfigs.live(dir, stub, 300, link()
                + "risk:\n  stopLossPct: 2\n  stopLossOnExchange: true\norders:\n  statusPollMs: 200\n");
        stub.settles = true;
        String stopId;
        try (TradingBot bot = TradingBot.start(config, Clock.systemUTC())) {
            awaitStartedWithPrices();
            awaitAlert("position_opened", forceBuy100());
            stopId = awaitRestingStop().clientOrderId();
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                try (Database db = Database.openReadOnly(config.databaseFile())) {
                    return new TradingStore(db).order(stopId).map(o -> o.status() == OrderStatus.OPEN).orElse(false);
                }
            });
        }
        alerts.clear();
        // While the bot is down the price falls through the stop: binance sells at 58,700, above its limit.
        stub.movePrice("BTCUSDT", new BigDecimal("58700"));
        assertThat(stub.order(stopId).status()).isEqualTo("FILLED");

        try (TradingBot bot = TradingBot.start(config, Clock.systemUTC())) {
            Message reconciliation = awaitAlert("reconciliation", null);
            assertThat(reconciliation.message()).contains("stop-loss order " + stopId + " (SELL BTC/USDT) filled on "
                    + "binance while the bot was down: 0.00166 BTC at 58700; it is recorded now")
                    .doesNotContain("balance mismatch");
            Message closed = awaitAlert("position_closed", stopId);
            // Bought 0.00166 for 99.60 plus 0.0996 fee; sold for 97.442 less 0.097442: -2.355042.
            assertThat(closed.message()).startsWith("Closed by the stop-loss on the exchange: sold 0.00166 BTC at "
                    + "58700.00, PnL -2.36 USDT").endsWith("(found after the restart)");
            assertThat(closed.data().path("realisedPnl").asText()).isEqualTo("-2.355042");
            assertThat(closed.data().path("purpose").asText()).isEqualTo("stop-loss on exchange");
        }
        // The position closed on binance: no other sell was ever sent.
        assertThat(stub.requests("POST", "/api/v3/order")).filteredOn(r -> "SELL".equals(r.params().get("side")))
                .singleElement().satisfies(r -> assertThat(r.params()).containsEntry("type", "STOP_LOSS_LIMIT"));
    }

    @Test
    void whenThePriceFallsThroughTheStopWhileTheBotRunsBinanceSellsAndTheBotOnlyBooksIt() throws Exception {
        BotConfig config = StubConfigs.live(dir, stub, 300, link()
                + "risk:\n  stopLossPct: 2\n  stopLossOnExchange: true\norders:\n  statusPollMs: 200\n");
        stub.settles = true;
        try (TradingBot bot = TradingBot.start(config, Clock.systemUTC())) {
            awaitStartedWithPrices();
            awaitAlert("position_opened", forceBuy100());
            String stopId = awaitRestingStop().clientOrderId();

            // 58,700 is below the bot's own stop-loss (58,800) too, but above the stop's limit: the bot leaves the
            // sale to binance and asks about the stop at once.
            stub.movePrice("BTCUSDT", new BigDecimal("58700"));

            Message closed = awaitAlert("position_closed", stopId);
            assertThat(closed.message()).startsWith("Closed by the stop-loss on the exchange: sold 0.00166 BTC at "
                    + "58700.00");
        }
        assertThat(stub.requests("POST", "/api/v3/order")).filteredOn(r -> "SELL".equals(r.params().get("side")))
                .singleElement().satisfies(r -> assertThat(r.params()).containsEntry("type", "STOP_LOSS_LIMIT"));
        assertThat(stub.requests("DELETE", "/api/v3/order")).isEmpty();
    }

    @Test
    void onPaperTheEmulatedStopClosesThePositionWhenBinancesPriceFallsThroughIt() throws Exception {
        BotConfig config = StubConfigs.paper(dir, stub, link()
                + "risk:\n  stopLossPct: 2\n  stopLossOnExchange: true\norders:\n  statusPollMs: 200\n");
        try (TradingBot bot = TradingBot.start(config, Clock.systemUTC())) {
            awaitStartedWithPrices();
            awaitAlert("position_opened", forceBuy100());
            // Bought 0.00166 at 60,030 (60,000 plus 0.05 % slippage): the stop 2 % below, 58,829.40, its limit
            // 0.5 % lower, 58,535.253 rounded down to 58,535.25. It rests in the paper wallet, holding the coins.
            await().atMost(Duration.ofSeconds(5)).until(() -> request(Message.command("s-" + (++ids),
                    Command.STATUS, null)).message().contains("Open orders on the exchange (1):\n  BTC/USDT stop-loss "
                    + "on exchange: sell 0.00166 BTC, stop 58829.40, limit 58535.25"));

            stub.movePrice("BTCUSDT", new BigDecimal("58700"));

            // Triggered at 58,700, it sells there less the slippage: 58,670.65, above its limit.
            await().atMost(Duration.ofSeconds(10)).until(() -> alerts.stream().anyMatch(m ->
                    is(m, "position_closed", null)));
            Message closed = alerts.stream().filter(m -> is(m, "position_closed", null)).findFirst().orElseThrow();
            assertThat(closed.message()).startsWith("Closed by the stop-loss on the exchange: sold 0.00166 BTC at "
                    + "58670.65");
        }
        assertThat(stub.requests("POST", "/api/v3/order")).isEmpty();
    }

    @Test
    void anOrderPlacedByHandWhileTheLiveBotRunsIsReportedOnceAndLeftAlone() throws Exception {
        BotConfig config = StubConfigs.live(dir, stub, 300, link() + "orders:\n  openOrdersCheckMs: 1000\n");
        try (TradingBot bot = TradingBot.start(config, Clock.systemUTC())) {
            awaitAlert("bot_started", null);
            stub.addOrder("ETHUSDT", "web_9", "SELL", "0.5", "3500", "NEW");

            Message found = awaitAlert("reconciliation", null);
            assertThat(found.message()).isEqualTo("binance has an open order the bot did not place; left alone, and "
                    + "the coins they hold are not the bot's:\n- SELL 0.5 ETHUSDT (LIMIT at 3500, client order id "
                    + "web_9, id " + stub.order("web_9").orderId() + ")");
            // Two more checks later, it has not been reported again.
            int reads = stub.requests("GET", "/api/v3/openOrders").size();
            await().atMost(Duration.ofSeconds(10)).until(() -> stub.requests("GET", "/api/v3/openOrders").size()
                    >= reads + 2);
            assertThat(alerts.stream().filter(m -> is(m, "reconciliation", null))).hasSize(1);
        }
        assertThat(stub.order("web_9").status()).isEqualTo("NEW");
        assertThat(stub.requests("DELETE", "/api/v3/order")).isEmpty();
    }

    @Test
    void theStopOnBinanceFollowsATrailingStopByCancelThenReplaceNeverTwoAtOnce() throws Exception {
        BotConfig config = StubConfigs.live(dir, stub, 300, link() + "risk:\n  stopLossPct: 0\n  trailingStopPct: 1\n"
                + "  stopLossOnExchange: true\norders:\n  statusPollMs: 200\n  stopMoveIntervalMs: 0\n");
        stub.settles = true;
        try (TradingBot bot = TradingBot.start(config, Clock.systemUTC())) {
            awaitStartedWithPrices();
            awaitAlert("position_opened", forceBuy100());
            // 1 % below the entry of 60,000: 59,400.00, its limit 59,103.00.
            BinanceStub.StubOrder first = awaitRestingStop();
            assertThat(first.stopPrice()).isEqualByComparingTo("59400.00");

            // 61,000: the trailing level 60,390 is 990 above the stop, past its step of 0.25 % (148.50).
            stub.movePrice("BTCUSDT", new BigDecimal("61000"));
            await().atMost(Duration.ofSeconds(10)).until(() -> stub.orders.stream().anyMatch(o ->
                    o.type().equals("STOP_LOSS_LIMIT") && o.status().equals("NEW")
                            && o.stopPrice().compareTo(new BigDecimal("60390")) == 0));
        }
        assertThat(stub.order(stub.orders.stream().filter(o -> o.type().equals("STOP_LOSS_LIMIT")).findFirst()
                .orElseThrow().clientOrderId()).status()).isEqualTo("CANCELED");
        // Each stop went out after the one before was cancelled: a cancel between the two placements.
        List<String> sequence = stub.requests.stream().filter(r -> r.path().equals("/api/v3/order")
                && !r.method().equals("GET")).map(r -> r.method() + " " + r.params().getOrDefault("type", "")
                + " " + r.params().getOrDefault("stopPrice", "")).toList();
        assertThat(sequence).containsExactly("POST MARKET ", "POST STOP_LOSS_LIMIT 59400.00", "DELETE  ",
                "POST STOP_LOSS_LIMIT 60390.00");
        assertThat(stub.locked.get("BTC")).isEqualByComparingTo("0.00166");
    }

    @Test
    void aStopBinanceRefusesIsAlertedOnceAndPlacedOnTheNextTry() throws Exception {
        BotConfig config = StubConfigs.live(dir, stub, 300, link()
                + "risk:\n  stopLossPct: 2\n  stopLossOnExchange: true\norders:\n  statusPollMs: 200\n");
        try (TradingBot bot = TradingBot.start(config, Clock.systemUTC())) {
            awaitStartedWithPrices();
            // The first stop is refused as Binance refuses an order its filters reject.
            stub.stopsToRefuse.set(1);
            String buyId = forceBuy100();
            awaitAlert("position_opened", buyId);

            Message refused = awaitAlert("stop_not_placed", null);
            assertThat(refused.message()).startsWith("The stop-loss at 58800.00 could not be placed on the exchange: ")
                    .contains("PERCENT_PRICE_BY_SIDE", "tries again in 5 s");
            Message placed = awaitAlert("stop_placed", null);
            assertThat(placed.message()).startsWith("The stop-loss rests on the exchange now: stop 58800.00, limit "
                    + "58506.00").contains("after 1 failed attempt");
            assertThat(alerts.stream().filter(m -> is(m, "stop_not_placed", null))).hasSize(1);
        }
    }

    @Test
    void aLimitBuyThatFillsInPartsIsBookedAsItFillsAndItsRestCancelledAtItsTimeout() throws Exception {
        BotConfig config = StubConfigs.live(dir, stub, 300, link() + "risk:\n  stopLossOnExchange: false\n"
                + "orders:\n  forced: limit\n  limitOffsetPct: 0.5\n  limitTimeoutMs: 3000\n  statusPollMs: 200\n");
        stub.settles = true;
        try (TradingBot bot = TradingBot.start(config, Clock.systemUTC())) {
            awaitStartedWithPrices();
            // 0.5 % below 60,000: 59,700.00; 100 USDT buy 0.00167 there, rounded down to the step.
            String buyId = forceBuy100();
            await().atMost(Duration.ofSeconds(5)).until(() -> stub.orders.stream().anyMatch(o ->
                    o.clientOrderId().equals(buyId) && o.status().equals("NEW")));
            assertThat(stub.order(buyId).price()).isEqualByComparingTo("59700.00");
            assertThat(stub.order(buyId).quantity()).isEqualByComparingTo("0.00167");

            stub.fillPart(buyId, "0.001");
            // Booked as it came, as the order's first slice.
            Message opened = awaitAlert("position_opened", buyId + "/1");
            assertThat(opened.message()).startsWith("Opened by /forcebuy: bought 0.001 BTC at 59700.00 for 59.70 USDT");

            // Three seconds after it was placed, the rest is cancelled; the position stays what filled.
            await().atMost(Duration.ofSeconds(10)).until(() -> stub.order(buyId).status().equals("CANCELED"));
            Message timedOut = awaitAlert("order_not_placed", buyId);
            assertThat(timedOut.message()).contains("did not fill within 3 s and was cancelled: 0.001 BTC of it filled "
                    + "and is kept");
            await().atMost(Duration.ofSeconds(5)).until(() -> request(Message.command("p-" + (++ids),
                    Command.POSITIONS, null)).message().contains("BTC/USDT 0.001 BTC"));
        }
        assertThat(stub.requests("DELETE", "/api/v3/order")).singleElement()
                .satisfies(r -> assertThat(r.params()).containsEntry("origClientOrderId",
                        stub.order(stub.orders.get(0).clientOrderId()).clientOrderId()));
    }

    @Test
    void aStopSomeoneCancelsOnBinanceIsAlertedAndPlacedAgain() throws Exception {
        BotConfig config = StubConfigs.live(dir, stub, 300, link()
                + "risk:\n  stopLossPct: 2\n  stopLossOnExchange: true\norders:\n  statusPollMs: 200\n");
        try (TradingBot bot = TradingBot.start(config, Clock.systemUTC())) {
            awaitStartedWithPrices();
            awaitAlert("position_opened", forceBuy100());
            String first = awaitRestingStop().clientOrderId();

            stub.cancelOnExchange(first);

            Message cancelled = awaitAlert("stop_cancelled", first);
            assertThat(cancelled.message()).isEqualTo("The stop-loss on the exchange (order " + first + ", stop "
                    + "58800.00) was cancelled, not by the bot; it is placed again.");
            await().atMost(Duration.ofSeconds(10)).until(() -> stub.orders.stream().anyMatch(o ->
                    o.type().equals("STOP_LOSS_LIMIT") && o.status().equals("NEW")
                            && !o.clientOrderId().equals(first)));
        }
        assertThat(stub.requests("DELETE", "/api/v3/order")).isEmpty();
    }
}
