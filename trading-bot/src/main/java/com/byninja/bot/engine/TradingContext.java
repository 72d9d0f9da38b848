package com.byninja.bot.engine;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.control.ControlState;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.OrderRequest.Side;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import com.byninja.bot.engine.port.Journals;
import com.byninja.bot.orders.OrderManager;
import com.byninja.bot.positions.PositionBook;
import com.byninja.bot.risk.RiskManager;
import com.byninja.bot.strategy.Strategies;
import com.byninja.bot.strategy.TradingStrategy;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the parts of the trader share, owned by the trading thread: the configuration, the step's clock, the book,
 * the switches, today's PnL, cached balances and the ports; and the readings every part makes of them (a fresh price,
 * a position's mark, the free quote balance). Restored by {@link Restore}.
 */
final class TradingContext {

    private static final Logger LOG = LoggerFactory.getLogger(Trader.class);

    /** Replaced by a {@code /reload} ({@link #reconfigure}), on the trading thread, as are the strategy and risk. */
    BotConfig config;
    final Clock clock;
    TradingStrategy strategy;
    RiskManager risk;
    final OrderManager orders;
    final PositionBook positions;
    final ControlState control;
    final Journals journals;
    final TradeAlerts alerts;
    final Trader.PriceSource prices;
    final CachedBalances balances;
    final TradingDay day;
    final Decisions decisions;
    final BooleanSupplier exchangeDown;
    final String exchangeName;
    /** Symbols no longer configured whose position from an earlier run is still managed, in the order found. */
    final Set<Symbol> unconfigured;
    /** The stops a plug-in strategy set on open positions. */
    final CustomStops stops = new CustomStops();
    /** The stops the owner set on open positions. */
    final OwnerStops ownerStops = new OwnerStops();
    /** The strategies of the symbols with one of their own ({@code symbols} entries); the others run the global one. */
    private final Map<Symbol, TradingStrategy> ownStrategies = new HashMap<>();
    /** The risk rules of the symbols with risk settings of their own; the others follow the global ones. */
    private final Map<Symbol, RiskManager> ownRisks = new HashMap<>();

    TradingContext(BotConfig config, Clock clock, TradingStrategy strategy, RiskManager risk, OrderManager orders,
                   PositionBook positions, ControlState control, Journals journals, TradeAlerts alerts,
                   Trader.PriceSource prices, CachedBalances balances, TradingDay day, Decisions decisions,
                   BooleanSupplier exchangeDown, String exchangeName, Set<Symbol> unconfigured) {
        this.config = config;
        this.clock = clock;
        this.strategy = strategy;
        this.risk = risk;
        this.orders = orders;
        this.positions = positions;
        this.control = control;
        this.journals = journals;
        this.alerts = alerts;
        this.prices = prices;
        this.balances = balances;
        this.day = day;
        this.decisions = decisions;
        this.exchangeDown = exchangeDown;
        this.exchangeName = exchangeName;
        this.unconfigured = Collections.unmodifiableSet(new LinkedHashSet<>(unconfigured));
        ownSettings(true);
    }

    /** Makes the strategies (when {@code strategies}) and the risk rules of the symbols with settings of their own. */
    private void ownSettings(boolean strategies) {
        if (strategies) {
            ownStrategies.clear();
        }
        ownRisks.clear();
        config.symbolSettings().forEach((s, own) -> {
            if (own.ownStrategy() && strategies) {
                ownStrategies.put(s, Strategies.create(own.strategy()));
            }
            if (!own.ownRisk().isEmpty()) {
                ownRisks.put(s, risk.with(own.risk()));
            }
        });
    }

    /**
     * Runs with {@code next} from now: its risk rules, and when {@code strategies}, its strategies made again. What
     * needs a restart is the same in {@code next} as before ({@code ConfigChanges}).
     */
    void reconfigure(BotConfig next, boolean strategies) {
        this.config = next;
        this.risk = risk.with(next.risk());
        if (strategies) {
            this.strategy = Strategies.create(next.strategy());
        }
        ownSettings(strategies);
    }

    /** @return the strategy {@code s} runs: its own, or the global one */
    TradingStrategy strategyFor(Symbol s) {
        TradingStrategy own = ownStrategies.get(s);
        return own == null ? strategy : own;
    }

    /**
     * @return the risk rules of {@code s}: its own, or the global ones. Both hold the limits of the whole bot alike,
     *         which {@link #risk} answers for
     */
    RiskManager riskFor(Symbol s) {
        RiskManager own = ownRisks.get(s);
        return own == null ? risk : own;
    }

    /** @return the price of {@code s} if it is recent enough to trade on. */
    Optional<Ticker> freshPrice(Symbol s) {
        return prices.last(s).filter(t -> Duration.between(t.time(), clock.instant()).toMillis()
                <= config.marketData().staleAfterMs());
    }

    /** @return the position marked at the last price, empty when no price is known yet. */
    Optional<Mark> mark(Position p) {
        return prices.last(p.symbol()).map(t -> {
            long age = Math.max(0, Duration.between(t.time(), clock.instant()).toMillis());
            return new Mark(t.price(), p.unrealisedPnl(t.price(), risk.feePct()),
                    age > config.marketData().staleAfterMs(), age);
        });
    }

    /** @return the free quote balance, less what buys waiting for the exchange will spend, fees included. */
    BigDecimal freeQuote() {
        BigDecimal reserved = BigDecimal.ZERO;
        for (Order o : orders.inFlight()) {
            // A buy resting on the exchange holds its funds there already: the free balance is without them.
            if (o.side() == Side.BUY && o.status() == OrderStatus.NEW) {
                reserved = reserved.add(o.quoteAmount()).add(risk.feeOf(o.quoteAmount()));
            }
        }
        return balances.free(config.quoteCurrency()).subtract(reserved);
    }

    /**
     * @return where {@code p}'s protective exits sell: the risk rules' levels, the stop-loss raised to the strategy's
     *         or the owner's stop where one is higher
     */
    RiskManager.Protection protection(Position p) {
        return riskFor(p.symbol()).protection(p, clock.instant(), stopFor(p));
    }

    /** @return the higher of the strategy's and the owner's stop on {@code p}, or null when neither set one */
    BigDecimal stopFor(Position p) {
        BigDecimal strategy = stops.levelFor(p);
        BigDecimal owner = ownerStops.levelFor(p);
        return strategy == null ? owner : owner == null ? strategy : strategy.max(owner);
    }

    /** Saves a position changed without a fill; a failure is logged, the book keeps the change. */
    void savePosition(Position p, String what) {
        try {
            journals.positions().savePosition(p);
        } catch (SQLException e) {
            LOG.error("could not save the {} position's {}", p.symbol(), what, e);
        }
    }
}
