package com.byninja.bot.engine;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.control.ControlState;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Flags;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.AlertSink;
import com.byninja.bot.engine.port.Alerts;
import com.byninja.bot.engine.port.ControlJournal;
import com.byninja.bot.engine.port.Journals;
import com.byninja.bot.orders.OrderManager;
import com.byninja.bot.positions.PositionBook;
import com.byninja.bot.risk.RiskManager;
import com.byninja.bot.strategy.TradingStrategy;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trader's state as the journals left it: positions and the owner's stops on them, switches and today's PnL, with
 * unfinished orders handed to the order manager to look up; and a new session in the decision journal, once what has
 * aged out is forgotten. A position on a symbol that is no longer configured stays managed: priced, protected and
 * closable, without a strategy.
 */
final class Restore {

    private static final Logger LOG = LoggerFactory.getLogger(Trader.class);

    private Restore() {
    }

    static TradingContext from(BotConfig config, StepClock clock, TradingStrategy strategy, RiskManager risk,
                               OrderManager orders, Journals journals, AlertSink sink, Trader.PriceSource prices,
                               Map<String, BigDecimal> balances, BooleanSupplier exchangeDown, String exchangeName)
            throws SQLException {
        TradeAlerts alerts = new TradeAlerts(sink, config.quoteCurrency(), clock, risk::priceTick);
        PositionBook positions = new PositionBook(risk::quantityStep);
        List<Position> saved = journals.positions().loadPositions();
        Set<Symbol> unconfigured = new LinkedHashSet<>();
        for (Position p : saved) {
            if (!config.symbols().contains(p.symbol())) {
                unconfigured.add(p.symbol());
                LOG.warn(Alerts.ALERTED, "{} position of {} from an earlier run is not among the configured "
                        + "symbols; it stays priced, protected by its stops and closable with forcesell", p.symbol(),
                        Money.exact(p.quantity()));
                alerts.unconfiguredPosition(p);
            }
        }
        positions.restore(saved);
        ControlState control = switches(config, journals.control());
        BigDecimal realisedToday = journals.positions().closedTrades(null, TradingDay.startOfToday(clock)).stream()
                .map(ClosedTrade::realisedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        TradingDay day = new TradingDay(clock, realisedToday, risk.dailyLossLimitReached(realisedToday));
        Decisions decisions = Decisions.start(journals.decisions(), clock, config.store().decisionRetention());
        int recovering = orders.recover();
        if (recovering > 0) {
            LOG.warn("{} order(s) left unfinished by the previous run; asking the exchange what became of them",
                    recovering);
        }
        TradingContext ctx = new TradingContext(config, clock, strategy, risk, orders, positions, control, journals,
                alerts, prices, new CachedBalances(balances), day, decisions, exchangeDown, exchangeName, unconfigured);
        ctx.ownerStops.restore(journals.positions().ownerStops(), positions.all());
        return ctx;
    }

    /** The saved switches; on a first start the global ones as configured, saved at once. */
    private static ControlState switches(BotConfig config, ControlJournal journal) throws SQLException {
        Map<String, Flags> savedFlags = journal.loadFlags();
        Map<Symbol, Flags> perSymbol = new HashMap<>();
        config.symbols().forEach(s -> {
            if (savedFlags.containsKey(s.toString())) {
                perSymbol.put(s, savedFlags.get(s.toString()));
            }
        });
        Flags global = savedFlags.getOrDefault(ControlJournal.GLOBAL_SCOPE,
                new Flags(config.control().tradingOnFirstStart(), true, true));
        if (savedFlags.isEmpty()) {
            journal.saveFlags(ControlJournal.GLOBAL_SCOPE, global);
        }
        return new ControlState(global, perSymbol, config.symbols());
    }
}
