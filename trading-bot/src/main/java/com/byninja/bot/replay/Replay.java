package com.byninja.bot.replay;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.MarketEvent;
import com.byninja.bot.engine.StepClock;
import com.byninja.bot.engine.Trader;
import com.byninja.bot.engine.port.AlertSink;
import com.byninja.bot.engine.port.Journals;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.Execution;
import com.byninja.bot.orders.ClientOrderIds;
import com.byninja.bot.orders.GatewayResult;
import com.byninja.bot.orders.OrderManager;
import com.byninja.bot.risk.RiskManager;
import com.byninja.bot.strategy.Strategies;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Drives the trader that trades live through history, on one thread: for each candle the clock moves to the candle's
 * end, the price becomes its close, and one {@link Trader#step} makes that instant's decisions; the orders it placed
 * are executed at once and their results applied in a second step at the same instant, before the next candle, as
 * the live engine applies them within milliseconds. The same candles give the same orders and trades every time.
 * History read at start ({@link #history}) and a person's commands ({@link #command}) go through the step too; a
 * replay that knows when each order filled live can have it fill then instead ({@link #fillOrdersAt}).
 */
public final class Replay {

    /** Replays fail fast: an input that fails is a bug in what is replayed, not something to carry on past. */
    private static final Trader.StepFailures FAIL = (what, e) -> {
        throw e;
    };

    private final SimulatedClock clock;
    private final HistoryPrices prices;
    private final ReplayGateway gateway;
    private final Trader trader;
    /** By client order id, when each order placed fills; {@link Instant#MIN} for at once. */
    private final Map<String, Instant> due = new HashMap<>();
    private Function<Order, Instant> fillTime = order -> null;

    private Replay(SimulatedClock clock, HistoryPrices prices, ReplayGateway gateway, Trader trader) {
        this.clock = clock;
        this.prices = prices;
        this.gateway = gateway;
        this.trader = trader;
    }

    /**
     * @param config    the bot's configuration: strategy, risk, symbols, timeframe
     * @param clock     the replay's time, at the start of the history
     * @param prices    the prices {@code execution} fills at, moved by the replay
     * @param execution where orders fill, such as the paper wallet on {@code prices}
     * @param journals  where orders, positions and trades are kept, such as an {@link InMemoryJournal}
     * @param alerts    where alerts go
     * @throws SQLException      when the journals cannot be read
     * @throws ExchangeException when the execution cannot tell its balances
     */
    public static Replay start(BotConfig config, SimulatedClock clock, HistoryPrices prices, Execution execution,
                               Journals journals, AlertSink alerts) throws SQLException, ExchangeException {
        return start(config, clock, prices, execution, journals, alerts, "rpl");
    }

    /**
     * As {@link #start(BotConfig, SimulatedClock, HistoryPrices, Execution, Journals, AlertSink)}, with client order
     * ids of {@code instance} ({@code bn-<time>-<instance>-<n>}): a replay that restarts the trader on the same
     * journals gives each start its own, as each start of the live bot has its own.
     */
    public static Replay start(BotConfig config, SimulatedClock clock, HistoryPrices prices, Execution execution,
                               Journals journals, AlertSink alerts, String instance)
            throws SQLException, ExchangeException {
        StepClock time = new StepClock(clock);
        ReplayGateway gateway = new ReplayGateway(execution);
        OrderManager orders = new OrderManager(journals.orders(), gateway, new ClientOrderIds(time, instance), time);
        RiskManager risk = new RiskManager(config.risk(), config.quoteCurrency(), execution.feePct(), Map.of());
        // History has no exchange to rest a stop on: the stop-loss sells at its level, as a resting stop would.
        Trader trader = Trader.restore(config.withoutStopsOnExchange(), time, Strategies.create(config.strategy()),
                risk, orders, journals, alerts, prices, execution.balances(), () -> false, prices.exchangeName());
        return new Replay(clock, prices, gateway, trader);
    }

    /** Replays {@code candles}, oldest first. */
    public void run(List<Candle> candles) {
        candles.forEach(this::close);
    }

    /**
     * {@code history} is read as the live bot reads it at start, not traded on, at the replay's present instant.
     */
    public void history(Symbol symbol, List<Candle> history) {
        step(clock.instant(), List.of(new MarketEvent.History(symbol, history)), List.of());
    }

    /**
     * {@code candle} closes: the clock moves to its end (or stays, if it is past it already: a candle the live bot
     * got late), the price becomes its close, and the trader decides.
     */
    public void close(Candle candle) {
        Instant end = later(candle.end());
        clock.set(end);
        prices.update(candle);
        step(end, List.of(new MarketEvent.Closed(candle)), List.of());
    }

    /** At {@code at} (or the replay's present, if later), the trader takes {@code command}, as from a person. */
    public void command(Instant at, Consumer<Trader> command) {
        Instant now = later(at);
        clock.set(now);
        step(now, List.of(), List.of(() -> command.accept(trader)));
    }

    private Instant later(Instant t) {
        Instant now = clock.instant();
        return t.isAfter(now) ? t : now;
    }

    /**
     * Says when each order fills from now on, instead of at once: {@code when} is asked once per order, just after the
     * step that placed it, and answers the instant, or null for at once. An order not due yet waits, as a live order
     * waits for the exchange, until {@link #fillUntil} reaches its instant.
     */
    public void fillOrdersAt(Function<Order, Instant> when) {
        this.fillTime = when;
    }

    /** Fills the orders due by {@code t}, each at its instant (or the replay's present, if later), oldest due first. */
    public void fillUntil(Instant t) {
        Optional<Instant> next;
        while ((next = gateway.waiting().stream().map(this::due).filter(d -> !d.isAfter(t))
                .min(Comparator.naturalOrder())).isPresent()) {
            Instant at = later(next.get());
            clock.set(at);
            step(at, List.of(), List.of());
        }
    }

    /** Fills every order still waiting now, at the replay's present, whenever it was due. */
    public void fillWaitingNow() {
        gateway.waiting().forEach(o -> due.put(o.clientOrderId(), Instant.MIN));
        step(clock.instant(), List.of(), List.of());
    }

    private Instant due(Order order) {
        return due.computeIfAbsent(order.clientOrderId(), id -> {
            Instant at = fillTime.apply(order);
            return at == null ? Instant.MIN : at;
        });
    }

    private void step(Instant now, List<MarketEvent> events, List<Runnable> commands) {
        trader.step(now, new Trader.StepInputs(gateway.drain(), events, commands), FAIL);
        // Orders due fill at this instant's price (by default all, at once); their results are applied at the same
        // instant.
        gateway.fillWaiting(o -> !due(o).isAfter(now));
        List<GatewayResult> results;
        while (!(results = gateway.drain()).isEmpty()) {
            trader.step(now, new Trader.StepInputs(results, List.of(), List.of()), FAIL);
            gateway.fillWaiting(o -> !due(o).isAfter(now));
        }
    }

    /** @return the trader, for its state after the replay. */
    public Trader trader() {
        return trader;
    }
}
