package com.byninja.bot;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import com.byninja.bot.engine.Trader;
import com.byninja.bot.engine.port.Journals;
import com.byninja.bot.orders.ClientOrderIds;
import com.byninja.bot.orders.GatewayResult;
import com.byninja.bot.orders.OrderManager;
import com.byninja.bot.orders.Submission;
import com.byninja.bot.risk.RiskManager;
import com.byninja.bot.store.Database;
import com.byninja.bot.store.TradingStore;
import com.byninja.bot.strategy.Strategies;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A trader on a real SQLite store, with a hand-driven gateway, prices and clock. */
public final class TraderFixture implements AutoCloseable {

    public static final Symbol BTC = new Symbol("BTC", "USDT");
    public static final Symbol ETH = new Symbol("ETH", "USDT");
    public static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    public final BotConfig config;
    public final MutableClock clock = new MutableClock(T0);
    public final FakeGateway gateway = new FakeGateway();
    public final RecordingAlerts alerts = new RecordingAlerts();
    public final Map<Symbol, Ticker> prices = new HashMap<>();
    public final long lookupWindowMs;
    /** The exchange's fee in percent as the risk rules know it: kept aside for a buy, estimated for an exit. */
    public final BigDecimal feePct;
    /** The exchange's rules per market, such as its price tick; none unless made {@link #withRules}. */
    public final Map<Symbol, MarketRules> rules = new HashMap<>();
    /** The account's balances a new trader starts from: 10,000 USDT unless changed before {@link #restart}. */
    public final Map<String, BigDecimal> balances = new HashMap<>(Map.of("USDT", new BigDecimal("10000")));
    public Database db;
    public TradingStore store;
    public Trader trader;
    private Instant candleStart = T0.minus(Duration.ofHours(1));

    public TraderFixture(Path dir, String yaml) throws Exception {
        this(dir, yaml, 0);
    }

    /** @param lookupWindowMs how long an order not found after a lost answer is still looked for (a live account) */
    public TraderFixture(Path dir, String yaml, long lookupWindowMs) throws Exception {
        this(dir, yaml, lookupWindowMs, BigDecimal.ZERO);
    }

    /** @param feePct the exchange's fee in percent, which the risk rules keep aside and estimate exits with */
    public static TraderFixture withFee(Path dir, String yaml, String feePct) throws Exception {
        return new TraderFixture(dir, yaml, 0, new BigDecimal(feePct));
    }

    /**
     * @param feePct the exchange's fee in percent
     * @param rules  the exchange's rules of some markets, such as a price tick of 0.01
     */
    public static TraderFixture withRules(Path dir, String yaml, String feePct, MarketRules... rules)
            throws Exception {
        return new TraderFixture(dir, yaml, 0, new BigDecimal(feePct), rules);
    }

    private TraderFixture(Path dir, String yaml, long lookupWindowMs, BigDecimal feePct, MarketRules... rules)
            throws Exception {
        this.lookupWindowMs = lookupWindowMs;
        this.feePct = feePct;
        for (MarketRules r : rules) {
            this.rules.put(r.symbol(), r);
        }
        // The bot's own stops are what most tests are about: a stop resting on the exchange (placed after every entry,
        // cancelled before every sell) only where the test's YAML asks for it.
        BotConfig loaded = TestConfigs.config(dir, yaml);
        this.config = yaml.contains("stopLossOnExchange") ? loaded : loaded.withoutStopsOnExchange();
        this.db = Database.open(config.databaseFile());
        this.store = new TradingStore(db);
        this.trader = newTrader(store);
    }

    public Trader newTrader(TradingStore on) throws Exception {
        return newTrader(Journals.of(on));
    }

    /** @return a trader on {@code journals}, such as the store's with another decision journal */
    public Trader newTrader(Journals journals) throws Exception {
        return Trader.restore(config, clock, Strategies.create(config.strategy()),
                new RiskManager(config.risk(), "USDT", feePct, rules), new OrderManager(journals.orders(), gateway,
                new ClientOrderIds(clock), clock, lookupWindowMs),
                journals, alerts, s -> Optional.ofNullable(prices.get(s)), balances,
                () -> false, "simulated");
    }

    /** Starts a new trader on the same database file, as a restarted process would. */
    public Trader restart() throws Exception {
        db.close();
        db = Database.open(config.databaseFile());
        store = new TradingStore(db);
        trader = newTrader(store);
        return trader;
    }

    public void price(Symbol s, String price) {
        prices.put(s, new Ticker(s, new BigDecimal(price), clock.instant()));
    }

    /** Closes one one-minute candle at {@code close} and prices the symbol there. */
    public void candle(Symbol s, String close) {
        BigDecimal c = new BigDecimal(close);
        trader.onCandle(new Candle(s, candleStart, Duration.ofMinutes(1), c, c, c, c, BigDecimal.ONE));
        candleStart = candleStart.plus(Duration.ofMinutes(1));
        price(s, close);
    }

    /** Prices {@code s} at {@code price} and force-buys it for 100 USDT; @return the order, waiting for its answer */
    public Order forceBuy(Symbol s, String price) {
        price(s, price);
        return ((Submission.Sent) trader.forceBuy(s, new BigDecimal("100"))).order();
    }

    /** Force-buys {@code s} and fills it: {@code qty} at {@code price}, paying {@code fee} USDT. */
    public Order openPosition(Symbol s, String qty, String price, String fee) {
        Order o = forceBuy(s, price);
        gateway.fill(o, qty, price, fee, clock.instant());
        drain();
        return o;
    }

    /** Force-sells the position in {@code s} and fills it: {@code qty} at {@code price}, paying {@code fee} USDT. */
    public Order closePosition(Symbol s, String qty, String price, String fee) {
        price(s, price);
        Order o = ((Submission.Sent) trader.forceSell(s)).order();
        gateway.fill(o, qty, price, fee, clock.instant());
        drain();
        return o;
    }

    /** Hands every waiting gateway result to the trader, as the trading thread does. */
    public void drain() {
        GatewayResult r;
        while ((r = gateway.poll()) != null) {
            trader.onResult(r);
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
