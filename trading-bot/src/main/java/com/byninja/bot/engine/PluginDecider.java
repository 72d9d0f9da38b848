package com.byninja.bot.engine;

import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.strategy.PluginStrategy;
import com.byninja.bot.strategy.Signal;
import com.byninja.bot.strategy.TradingStrategy;
import com.byninja.strategy.api.Decision;
import com.byninja.strategy.api.OpenPosition;
import com.byninja.strategy.api.StrategyContext;
import com.byninja.strategy.api.SymbolStrategy;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ta4j.core.BarSeries;

/**
 * One symbol's plug-in strategy, asked on each closed candle with a {@link StrategyContext}: the series, the step's
 * instant and the position the book holds, marked at the candle's close. Its enter and exit become the
 * {@link StrategyRunner}'s buy and sell signals; its stop goes to the {@link CustomStops}, where the protective exits
 * find it. Whatever it throws is a hold, counted and logged once per kind by {@link StrategyErrors}; a strategy that
 * could not be made is made again on the next candle. Owned by the trading thread.
 */
final class PluginDecider {

    private static final Logger LOG = LoggerFactory.getLogger(Trader.class);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final TradingContext ctx;
    private final PluginStrategy plugin;
    private final Symbol symbol;
    private final String symbolText;
    private final BarSeries series;
    private final StrategyErrors errors;
    private SymbolStrategy strategy;

    PluginDecider(TradingContext ctx, PluginStrategy plugin, Symbol symbol, BarSeries series, StrategyErrors errors) {
        this.ctx = ctx;
        this.plugin = plugin;
        this.symbol = symbol;
        this.symbolText = symbol.toString();
        this.series = series;
        this.errors = errors;
        this.strategy = make();
    }

    /**
     * @param close the close of the candle that was just added to the series
     * @return the strategy's decision as a signal; {@link Signal#HOLD} for a stop, while it warms up and when it fails
     */
    Signal decide(BigDecimal close) {
        SymbolStrategy s = strategy != null ? strategy : (strategy = make());
        if (s == null || warming(s)) {
            return Signal.HOLD;
        }
        Optional<Position> position = ctx.positions.get(symbol);
        Decision d;
        try {
            d = s.decide(context(position, close));
            if (d == null) {
                throw new IllegalStateException("decide returned null instead of a decision (Decision.hold())");
            }
        } catch (Exception | LinkageError | StackOverflowError e) {
            errors.failed("deciding on", symbol, ctx.clock.instant(), "the candle counts as hold", e);
            return Signal.HOLD;
        }
        return switch (d.kind()) {
            case HOLD -> Signal.HOLD;
            case ENTER -> Signal.BUY;
            case EXIT -> Signal.SELL;
            case STOP -> {
                stop(position, d.stopPrice());
                yield Signal.HOLD;
            }
        };
    }

    /**
     * @param close the last candle's close
     * @return what the strategy sees, for the progress line: its explanation, its description when it gives none,
     *         how far it is warmed up, or that it failed
     */
    String explain(BigDecimal close) {
        SymbolStrategy s = strategy;
        if (s == null) {
            return "the strategy could not be made; it holds (see the log)";
        }
        int unstable;
        try {
            unstable = s.unstableBars();
            if (warming(s)) {
                return TradingStrategy.warmingUp(series, unstable);
            }
            String text = s.explain(context(ctx.positions.get(symbol), close));
            return text != null ? text : plugin.description();
        } catch (Exception | LinkageError | StackOverflowError e) {
            errors.failed("explaining", symbol, ctx.clock.instant(), "the progress line goes without", e);
            return "the strategy failed to explain this candle (see the log)";
        }
    }

    /** @return whether the last candle's index is below the strategy's unstable bars, counted from the first held */
    private boolean warming(SymbolStrategy s) {
        int index = series.getEndIndex();
        return index < 0 || index - series.getBeginIndex() < s.unstableBars();
    }

    private SymbolStrategy make() {
        try {
            return plugin.create(series);
        } catch (Exception | LinkageError | StackOverflowError e) {
            errors.failed("to start on", symbol, ctx.clock.instant(), "it holds, and is made again on the next "
                    + "candle", e);
            return null;
        }
    }

    private StrategyContext context(Optional<Position> position, BigDecimal close) {
        Instant now = ctx.clock.instant();
        return new StrategyContext(symbolText, series, now, position.map(p -> open(p, close, now)),
                plugin.parameters());
    }

    private OpenPosition open(Position p, BigDecimal close, Instant now) {
        BigDecimal pnl = p.unrealisedPnl(close, ctx.risk.feePct());
        BigDecimal cost = p.costBasis();
        BigDecimal pct = cost.signum() == 0 ? BigDecimal.ZERO
                : pnl.multiply(HUNDRED).divide(cost, MathContext.DECIMAL64);
        Duration age = Duration.between(p.openedAt(), now);
        return new OpenPosition(p.averageEntryPrice(), p.quantity(), p.openedAt(),
                age.isNegative() ? Duration.ZERO : age, pnl, pct, ctx.protection(p).stopLoss());
    }

    /** Raises the open position's stop; a stop without a position, or below the one set, changes nothing. */
    private void stop(Optional<Position> position, BigDecimal level) {
        if (position.isEmpty()) {
            LOG.debug("{}: {} set a stop at {} without an open position; ignored", symbol, plugin.name(), level);
            return;
        }
        Position p = position.get();
        BigDecimal before = ctx.stops.levelFor(p);
        if (ctx.stops.raise(p, level) && LOG.isInfoEnabled()) {
            LOG.info("{}: {} sets its stop at {}{}", symbol, plugin.name(), Money.price(level),
                    before == null ? "" : " (was " + Money.price(before) + ")");
        }
    }
}
