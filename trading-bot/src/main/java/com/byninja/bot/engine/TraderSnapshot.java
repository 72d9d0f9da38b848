package com.byninja.bot.engine;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.Flag;
import com.byninja.bot.domain.Flags;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import com.byninja.bot.risk.RiskManager;
import com.byninja.bot.strategy.TradingStrategy;
import java.util.Set;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trader's state at one instant, immutable, made by the trading thread: what {@code status}, the periodic
 * {@code STATUS} frame and metrics read, so that none of them reaches into the trader.
 *
 * @param at                    when it was taken
 * @param strategyName          the strategy's name
 * @param strategyDescription   its parameters, for people
 * @param candlesRead           candles the strategy has read since start
 * @param signals               buy or sell signals since start
 * @param global                the global switches
 * @param protectiveExits       whether stops protect positions ({@code risk.protectiveExits})
 * @param symbols               every managed symbol: the configured ones, then those kept for their position
 * @param positions             the open positions, by symbol
 * @param balances              cached free balances by currency
 * @param quoteCurrency         the stake currency
 * @param openOrPending         positions open plus entries waiting, as the position limit counts them
 * @param realisedToday         realised PnL since midnight UTC
 * @param todayStart            that midnight
 * @param dailyLossLimitReached whether the daily loss limit stops buying now
 * @param budget                {@code risk.budget}, zero when there is none
 * @param inPositions           the money in positions as the budget counts it: the open positions' entry cost and
 *                              the entries on their way
 * @param locks                 the protections' locks in force, by end
 * @param openOrders            the orders resting on the exchange, as last seen, oldest first
 */
public record TraderSnapshot(Instant at, String strategyName, String strategyDescription, long candlesRead,
                             long signals, Flags global, boolean protectiveExits, List<SymbolState> symbols,
                             List<PositionState> positions, Map<String, BigDecimal> balances, String quoteCurrency,
                             int openOrPending, BigDecimal realisedToday, Instant todayStart,
                             boolean dailyLossLimitReached, BigDecimal budget, BigDecimal inPositions,
                             List<EntryLock> locks, List<Order> openOrders) {

    public TraderSnapshot {
        openOrders = List.copyOf(openOrders);
        symbols = List.copyOf(symbols);
        locks = List.copyOf(locks);
        positions = List.copyOf(positions);
        balances = Map.copyOf(balances);
    }

    /** @return the trader's state now, read on the trading thread. */
    static TraderSnapshot take(TradingContext ctx, StrategyRunner runner, OrderDesk desk, Fills fills,
                               EntryLocks locks, ExchangeStops stops) {
        List<SymbolState> symbols = new ArrayList<>();
        Set<Symbol> paused = fills.paused();
        for (Symbol s : runner.symbols()) {
            Map<Flag, Boolean> effective = new EnumMap<>(Flag.class);
            for (Flag f : Flag.values()) {
                effective.put(f, ctx.control.allows(s, f));
            }
            BotConfig.SymbolSettings own = ctx.config.symbolSettings().get(s);
            TradingStrategy runs = own != null && own.ownStrategy() ? runner.strategyOf(s) : null;
            symbols.add(new SymbolState(s, ctx.control.of(s), effective, ctx.prices.last(s),
                    ctx.freshPrice(s).isPresent(), runner.barCount(s),
                    ctx.orders.inFlight(s).map(Order::clientOrderId), !ctx.unconfigured.contains(s),
                    paused.contains(s), runs == null ? null : runs.name(),
                    runs == null ? null : runs.description(), own == null ? List.of() : own.ownRisk()));
        }
        List<PositionState> open = new ArrayList<>();
        for (Position p : ctx.positions.all().values()) {
            Symbol s = p.symbol();
            Optional<Order> stop = stops.resting(s).or(() -> ctx.orders.inFlight(s)
                    .filter(o -> o.purpose() == Purpose.STOP_ON_EXCHANGE));
            open.add(new PositionState(p, !ctx.unconfigured.contains(s), ctx.mark(p), ctx.protection(p),
                    stops.wanted(p), stop));
        }
        return new TraderSnapshot(ctx.clock.instant(), ctx.strategy.name(), ctx.strategy.description(),
                runner.candlesRead(), runner.signals(), ctx.control.global(), ctx.config.risk().protectiveExits(),
                symbols, open, ctx.balances.snapshot(), ctx.config.quoteCurrency(), desk.openOrPendingPositions(),
                ctx.day.realised(), ctx.day.start(), ctx.risk.dailyLossLimitReached(ctx.day.realised()),
                ctx.risk.budget(), desk.inPositions(), locks.now(), List.copyOf(ctx.orders.resting()));
    }

    /** @return the state of {@code symbol}, empty when the bot does not manage it. */
    public Optional<SymbolState> symbol(Symbol symbol) {
        return symbols.stream().filter(s -> s.symbol().equals(symbol)).findFirst();
    }

    /**
     * One symbol.
     *
     * @param symbol        the market
     * @param own           its own switches
     * @param effective     each switch as it applies, the global one included
     * @param last          the last price, however old
     * @param fresh         whether that price is recent enough to trade on
     * @param bars          candles held
     * @param orderInFlight the client order id of its order waiting for the exchange, if any
     * @param configured    false for a symbol kept only for its position from an earlier run
     * @param pausedByStore whether a fill of it waits to be written to the database
     * @param ownStrategy   the strategy it runs when it has one of its own ({@code symbols} entry), else null
     * @param ownStrategyDescription that strategy's parameters, for people, else null
     * @param ownRisk       the risk settings of its own, as written, such as {@code stopLossPct 2}
     */
    public record SymbolState(Symbol symbol, Flags own, Map<Flag, Boolean> effective, Optional<Ticker> last,
                              boolean fresh, int bars, Optional<String> orderInFlight, boolean configured,
                              boolean pausedByStore, String ownStrategy, String ownStrategyDescription,
                              List<String> ownRisk) {

        public SymbolState {
            effective = Map.copyOf(effective);
            ownRisk = List.copyOf(ownRisk);
        }
    }

    /**
     * One open position.
     *
     * @param position   the position
     * @param configured false when its symbol is no longer configured
     * @param mark       its worth at the last price, empty before any price
     * @param protection its stop levels as the risk rules set them
     * @param exchangeStopWanted whether its stop-loss should rest on the exchange ({@code risk.stopLossOnExchange})
     * @param exchangeStop       its stop-loss on the exchange: resting ({@code OPEN}), or on its way ({@code NEW})
     */
    public record PositionState(Position position, boolean configured, Optional<Mark> mark,
                                RiskManager.Protection protection, boolean exchangeStopWanted,
                                Optional<Order> exchangeStop) {
    }
}
