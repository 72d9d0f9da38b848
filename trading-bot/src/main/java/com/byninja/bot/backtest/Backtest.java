package com.byninja.bot.backtest;

import com.byninja.bot.backtest.chart.EquityPoint;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.MarketEvent;
import com.byninja.bot.engine.StepClock;
import com.byninja.bot.engine.Trader;
import com.byninja.bot.engine.port.Journals;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.paper.MemoryLedger;
import com.byninja.bot.exchange.paper.PaperExecution;
import com.byninja.bot.exchange.paper.PaperWallet;
import com.byninja.bot.orders.ClientOrderIds;
import com.byninja.bot.orders.OrderManager;
import com.byninja.bot.replay.CollectedAlerts;
import com.byninja.bot.replay.HistoryPrices;
import com.byninja.bot.replay.InMemoryJournal;
import com.byninja.bot.replay.ReplayGateway;
import com.byninja.bot.replay.SimulatedClock;
import com.byninja.bot.risk.RiskManager;
import com.byninja.bot.strategy.Strategies;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * A backtest: history replayed through the trader that trades live, on a simulated clock, with the in-memory journal
 * and the paper wallet in memory. The replay rules (docs/backtesting.md):
 * <ol>
 *   <li>The strategy sees only closed candles: it decides at a candle's close, on that candle and those before.</li>
 *   <li>Its orders fill at the next candle's open, with the configured slippage against the trader and the fee.</li>
 *   <li>Within each candle the price goes open, low, high, close: the pessimistic order, so that when a candle
 *       touches both the stop and the take-profit, the stop is taken. A stop-loss or trailing stop touched by the low
 *       sells at its level; a take-profit touched by the high sells at its level; a price that opened beyond a
 *       level (a gap) sells at the open.</li>
 *   <li>Balances, the fee kept aside for a buy and every risk limit apply as live, because the same code applies
 *       them.</li>
 *   <li>Client order ids are seeded and no wall clock is read: the same input gives the same orders and trades.</li>
 * </ol>
 */
public final class Backtest {

    /** A backtest stops at the first failure: a failure in the replayed code is a bug to see, not to skip. */
    private static final Trader.StepFailures FAIL = (what, e) -> {
        throw e;
    };

    private final BotConfig config;
    private final Map<Symbol, List<Candle>> candles;

    /**
     * @param config  the bot's configuration: symbols, timeframe, strategy, risk, simulator fee, slippage and balance
     * @param candles per configured symbol, closed candles of the configured timeframe in time order
     */
    public Backtest(BotConfig config, Map<Symbol, List<Candle>> candles) {
        // Protective exits are checked at every point of the price path, not once a second.
        this.config = config.withCheckIntervalMs(0);
        this.candles = Map.copyOf(candles);
    }

    /**
     * Runs the backtest.
     *
     * @param progress told the number of candles done, now and then
     * @return what happened
     */
    public BacktestResult run(LongConsumer progress) throws SQLException, ExchangeException {
        long started = System.nanoTime();
        TreeMap<Instant, List<Candle>> slots = new TreeMap<>();
        candles.values().forEach(list -> list.forEach(c -> slots.computeIfAbsent(c.start(), t -> new ArrayList<>())
                .add(c)));
        slots.values().forEach(list -> list.sort(Comparator.comparing(c -> config.symbols().indexOf(c.symbol()))));
        Instant first = slots.isEmpty() ? Instant.EPOCH : slots.firstKey();
        SimulatedClock clock = new SimulatedClock(first);
        StepClock time = new StepClock(clock);
        HistoryPrices prices = new HistoryPrices();
        PaperExecution execution = new PaperExecution(new PaperWallet(config.simulator(), config.quoteCurrency(),
                new MemoryLedger(), clock, "BT"), prices, Map.of(), clock);
        ReplayGateway gateway = new ReplayGateway(execution);
        InMemoryJournal journal = new InMemoryJournal();
        Trader trader = Trader.restore(config, time, Strategies.create(config.strategy()),
                new RiskManager(config.risk(), config.quoteCurrency(), execution.feePct(), Map.of()),
                new OrderManager(journal, gateway, new ClientOrderIds(time, "bt"), time), Journals.of(journal),
                new CollectedAlerts(), prices, execution.balances(), () -> false, "backtest");
        trader.stopPublishing();
        BigDecimal startBalance = equity(execution.balances(), Map.of());

        Map<Symbol, BigDecimal> lastClose = new LinkedHashMap<>();
        List<EquityPoint> equity = new ArrayList<>(slots.size());
        long done = 0;
        long exposed = 0;
        for (Map.Entry<Instant, List<Candle>> slot : slots.entrySet()) {
            Instant open = slot.getKey();
            List<Candle> now = slot.getValue();
            clock.set(open);
            now.forEach(c -> prices.quote(c.symbol(), c.open(), open));
            // The orders of the last close fill at this open; a stop the open gapped through sells at the open.
            gateway.fillWaiting();
            settle(trader, gateway, open);
            boolean holding = !trader.positions().all().isEmpty();
            Instant low = open.plusMillis(1);
            clock.set(low);
            for (Candle c : now) {
                prices.quote(c.symbol(), lowPoint(trader.protection(c.symbol()), c), low);
            }
            settle(trader, gateway, low);
            Instant high = open.plusMillis(2);
            clock.set(high);
            for (Candle c : now) {
                prices.quote(c.symbol(), highPoint(trader.protection(c.symbol()), c), high);
            }
            settle(trader, gateway, high);
            Instant close = open.plus(now.get(0).period());
            clock.set(close);
            List<MarketEvent> closed = new ArrayList<>(now.size());
            for (Candle c : now) {
                prices.quote(c.symbol(), c.close(), close);
                lastClose.put(c.symbol(), c.close());
                closed.add(new MarketEvent.Closed(c));
            }
            // The strategy decides on the closed candle; its orders wait for the next open.
            trader.step(close, new Trader.StepInputs(gateway.drain(), closed, List.of()), FAIL);
            exposed += holding ? 1 : 0;
            equity.add(new EquityPoint(close, equity(execution.balances(), lastClose)));
            done += now.size();
            if ((done & 0x3fff) < now.size()) {
                progress.accept(done);
            }
        }
        progress.accept(done);
        List<ClosedTrade> trades = journal.trades();
        List<Order> orders = journal.orders();
        return new BacktestResult(config, candles, trades, orders, journal.feesPaid(null, null), equity, startBalance,
                equity.isEmpty() ? startBalance : equity.get(equity.size() - 1).equity(), slots.size(), exposed,
                System.nanoTime() - started);
    }

    /** Steps at {@code now}, and fills at once what that step sold, until nothing waits. */
    private static void settle(Trader trader, ReplayGateway gateway, Instant now) {
        trader.step(now, new Trader.StepInputs(gateway.drain(), List.of(), List.of()), FAIL);
        for (int round = 0; gateway.hasWaiting() && round < 8; round++) {
            gateway.fillWaiting();
            trader.step(now, new Trader.StepInputs(gateway.drain(), List.of(), List.of()), FAIL);
        }
    }

    /** @return the low of {@code c}, or the stop level it touched, where the stop sells. */
    private static BigDecimal lowPoint(Optional<RiskManager.Protection> levels, Candle c) {
        Optional<BigDecimal> stop = levels.flatMap(p -> max(p.stopLoss(), p.trailingStop()));
        return stop.filter(level -> c.low().compareTo(level) <= 0 && c.open().compareTo(level) > 0)
                .orElse(c.low());
    }

    /** @return the high of {@code c}, or the take-profit level it touched, where the take-profit sells. */
    private static BigDecimal highPoint(Optional<RiskManager.Protection> levels, Candle c) {
        Optional<BigDecimal> target = levels.flatMap(RiskManager.Protection::takeProfit);
        return target.filter(level -> c.high().compareTo(level) >= 0 && c.open().compareTo(level) < 0)
                .orElse(c.high());
    }

    private static Optional<BigDecimal> max(Optional<BigDecimal> a, Optional<BigDecimal> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : Optional.of(a.get().max(b.get()));
    }

    /** @return the wallet's worth in the quote currency, each coin at its symbol's last close. */
    private BigDecimal equity(Map<String, BigDecimal> balances, Map<Symbol, BigDecimal> closes) {
        BigDecimal total = balances.getOrDefault(config.quoteCurrency(), BigDecimal.ZERO);
        for (Map.Entry<Symbol, BigDecimal> e : closes.entrySet()) {
            BigDecimal held = balances.getOrDefault(e.getKey().base(), BigDecimal.ZERO);
            if (held.signum() != 0) {
                total = total.add(held.multiply(e.getValue()));
            }
        }
        return total;
    }
}
