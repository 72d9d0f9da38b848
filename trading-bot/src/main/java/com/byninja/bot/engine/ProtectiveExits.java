package com.byninja.bot.engine;

import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Stop-loss, take-profit, the minimal ROI and the trailing stop, checked against the last prices at every check (the
 * minimal ROI at the position's age at the check). They protect
 * positions whatever the trading and sell switches say (those govern the strategy); only {@code risk.protectiveExits:
 * false} turns them off. A triggered exit is announced once per episode and tried again as {@link ExitRetries} says.
 * Owned by the trading thread.
 */
final class ProtectiveExits {

    private final TradingContext ctx;
    private final OrderDesk desk;
    private final Fills fills;
    private final ExitRetries exits;
    private final ExchangeStops stops;

    ProtectiveExits(TradingContext ctx, OrderDesk desk, Fills fills, ExitRetries exits, ExchangeStops stops) {
        this.ctx = ctx;
        this.desk = desk;
        this.fills = fills;
        this.exits = exits;
        this.stops = stops;
    }

    /** Follows each position's high-water mark and sells those whose exit has triggered and is due. */
    void check() {
        if (ctx.positions.all().isEmpty()) {
            return;
        }
        for (Position p : List.copyOf(ctx.positions.all().values())) {
            Symbol s = p.symbol();
            Optional<Ticker> last = ctx.freshPrice(s);
            if (last.isEmpty() || fills.isPaused(s)) {
                continue;
            }
            BigDecimal price = last.get().price();
            if (ctx.positions.markPrice(s, price) && ctx.config.riskFor(s).trailingStopPct().signum() > 0) {
                ctx.savePosition(ctx.positions.get(s).orElseThrow(), "high-water mark");
            }
            if (!ctx.config.risk().protectiveExits()) {
                continue;
            }
            Position held = ctx.positions.get(s).orElseThrow();
            Optional<Purpose> exit = ctx.riskFor(s).exitFor(held, price, ctx.clock.instant(), ctx.stopFor(held));
            if (exit.isEmpty() || ctx.orders.inFlight(s).isPresent() || !exits.due(s, ctx.clock.instant())) {
                continue;
            }
            Purpose why = exit.get();
            if ((why == Purpose.STOP_LOSS || why == Purpose.TRAILING_STOP) && stops.yields(s, price)) {
                // The stop on the exchange has triggered and can still fill: its fill is the exit.
                continue;
            }
            if (!ExchangeStops.overrides(why) && ctx.orders.resting(s).stream()
                    .anyMatch(o -> o.side() == com.byninja.bot.domain.OrderRequest.Side.SELL
                            && o.purpose() != Purpose.STOP_ON_EXCHANGE)) {
                // A limit exit rests already: the position is being sold.
                continue;
            }
            if (exits.firstTrigger(s)) {
                ctx.alerts.exitHit(held, why, price, why == Purpose.MINIMAL_ROI
                        ? ctx.protection(held).minimalRoi() : Optional.empty());
            }
            desk.sell(s, why);
        }
    }
}
