package com.byninja.bot.replay;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Candle;
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
import java.util.List;
import java.util.Map;

/**
 * Drives the trader that trades live through history, on one thread: for each candle the clock moves to the candle's
 * end, the price becomes its close, and one {@link Trader#step} makes that instant's decisions; the orders it placed
 * are executed at once and their results applied in a second step at the same instant, before the next candle, as
 * the live engine applies them within milliseconds. The same candles give the same orders and trades every time.
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
        StepClock time = new StepClock(clock);
        ReplayGateway gateway = new ReplayGateway(execution);
        OrderManager orders = new OrderManager(journals.orders(), gateway, new ClientOrderIds(time, "rpl"), time);
        RiskManager risk = new RiskManager(config.risk(), config.quoteCurrency(), execution.feePct(), Map.of());
        Trader trader = Trader.restore(config, time, Strategies.create(config.strategy()), risk, orders, journals,
                alerts, prices, execution.balances(), () -> false, prices.exchangeName());
        return new Replay(clock, prices, gateway, trader);
    }

    /** Replays {@code candles}, oldest first. */
    public void run(List<Candle> candles) {
        for (Candle c : candles) {
            Instant end = c.start().plus(c.period());
            clock.set(end);
            prices.update(c);
            trader.step(end, new Trader.StepInputs(gateway.drain(), List.of(new MarketEvent.Closed(c)), List.of()),
                    FAIL);
            // Orders fill at once, at this candle's close; their results are applied at the same instant.
            gateway.fillWaiting();
            List<GatewayResult> results;
            while (!(results = gateway.drain()).isEmpty()) {
                trader.step(end, new Trader.StepInputs(results, List.of(), List.of()), FAIL);
                gateway.fillWaiting();
            }
        }
    }

    /** @return the trader, for its state after the replay. */
    public Trader trader() {
        return trader;
    }
}
