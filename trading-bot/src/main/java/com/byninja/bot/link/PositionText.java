package com.byninja.bot.link;

import static com.byninja.bot.link.ReportText.age;

import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.Mark;
import com.byninja.bot.engine.TraderSnapshot;
import com.byninja.bot.risk.RiskManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How {@code status} shows one open position: its entry, last price and unrealised PnL in the quote currency and in %
 * of its cost, then what protects it; prices to the market's tick. The data gets the exact figures.
 */
final class PositionText {

    private PositionText() {
    }

    /**
     * @return {@code BTC/USDT 0.002 @ 50000, now 51000: +1.90 USDT (+1.90%)} and, beneath, what protects it, such as
     *         {@code   protected: stop-loss 49000, take-profit 52000}
     */
    static String of(TraderSnapshot.PositionState ps, String quote, boolean protective,
                     Function<Symbol, BigDecimal> ticks, ObjectNode pd) {
        Position p = ps.position();
        BigDecimal tick = tick(ticks.apply(p.symbol()), ps.mark().map(Mark::price).orElse(null));
        pd.put("symbol", p.symbol().toString());
        pd.put("quantity", Money.exact(p.quantity()));
        pd.put("averageEntryPrice", Money.exact(p.averageEntryPrice()));
        pd.put("costBasis", Money.exact(p.costBasis()));
        pd.put("openedAt", p.openedAt().toString());
        pd.put("configured", ps.configured());
        StringBuilder t = new StringBuilder().append(p.symbol()).append(' ').append(Money.exact(p.quantity()))
                .append(" @ ").append(Money.price(p.averageEntryPrice(), tick));
        Optional<Mark> mark = ps.mark();
        if (mark.isPresent()) {
            Mark m = mark.get();
            BigDecimal pct = Money.pct(m.unrealisedPnl(), p.costBasis());
            pd.put("unrealisedPnl", Money.exact(m.unrealisedPnl()));
            pd.put("unrealisedPnlPct", pct.toPlainString());
            pd.put("markPrice", Money.exact(m.price()));
            pd.put("markPriceStale", m.stale());
            t.append(", now ").append(Money.price(m.price(), tick))
                    .append(m.stale() ? " (STALE, " + age(m.ageMs()) + " old)" : "").append(": ")
                    .append(Money.signedDown(m.unrealisedPnl())).append(' ').append(quote).append(" (")
                    .append(Money.signedPct(pct)).append("%)");
        } else {
            pd.putNull("unrealisedPnl");
            t.append(": no price yet");
        }
        t.append("\n  ").append(protection(protective, ps.protection(), tick, pd)).append('\n');
        String onExchange = onExchange(ps, tick, (ObjectNode) pd.get("protection"));
        if (onExchange != null) {
            t.append("  ").append(onExchange).append('\n');
        }
        return t.toString();
    }

    /**
     * @return where the position's stop-loss on the exchange stands, such as {@code stop-loss on the exchange: stop
     *         48500.00, limit 48257.50 (order bn-7)}; null when it has none by configuration. The data
     *         ({@code protection.onExchange}) gets the exact prices.
     */
    static String onExchange(TraderSnapshot.PositionState ps, BigDecimal tick, ObjectNode protection) {
        if (!ps.exchangeStopWanted() && ps.exchangeStop().isEmpty()) {
            return null;
        }
        ObjectNode d = protection.putObject("onExchange");
        if (ps.exchangeStop().isEmpty()) {
            d.put("state", "none");
            return "stop-loss NOT on the exchange yet: the bot watches the price itself";
        }
        Order o = ps.exchangeStop().get();
        d.put("state", o.status() == OrderStatus.OPEN ? "resting" : "placing");
        d.put("orderId", o.clientOrderId());
        d.put("stopPrice", Money.exact(o.stopPrice()));
        d.put("limitPrice", Money.exact(o.limitPrice()));
        String prices = "stop " + Money.price(o.stopPrice(), tick) + ", limit " + Money.price(o.limitPrice(), tick)
                + " (order " + o.clientOrderId() + ")";
        return o.status() == OrderStatus.OPEN ? "stop-loss on the exchange: " + prices
                : "stop-loss being placed on the exchange: " + prices;
    }

    /**
     * @param tick the market's price tick as the exchange gave it, zero when it gave none
     * @return {@code tick}; where the exchange gave none (the simulator), one as fine as {@code last}'s decimals, two
     *         at least and eight at most, so that a level reads {@code 49000.00}, not {@code 48999.9996}; zero (every
     *         digit) without a price either
     */
    static BigDecimal tick(BigDecimal tick, BigDecimal last) {
        if (tick.signum() > 0 || last == null) {
            return tick;
        }
        return BigDecimal.ONE.movePointLeft(Math.max(2, Math.min(8, last.stripTrailingZeros().scale())));
    }

    /**
     * @return {@code protected: stop-loss 58800, take-profit 62400}, or why the position is not protected; the data has
     *         the exact levels
     */
    private static String protection(boolean enabled, RiskManager.Protection levels, BigDecimal tick, ObjectNode pd) {
        ObjectNode pr = pd.putObject("protection");
        pr.put("enabled", enabled);
        if (!enabled) {
            return "NOT PROTECTED (risk.protectiveExits: false)";
        }
        List<String> parts = new ArrayList<>();
        levels.stopLoss().ifPresent(v -> {
            pr.put("stopLoss", Money.exact(v));
            parts.add("stop-loss " + Money.price(v, tick));
        });
        levels.takeProfit().ifPresent(v -> {
            pr.put("takeProfit", Money.exact(v));
            parts.add("take-profit " + Money.price(v, tick));
        });
        levels.minimalRoi().ifPresent(roi -> {
            ObjectNode r = pr.putObject("minimalRoi");
            r.put("pct", Money.exact(roi.pct()));
            r.put("price", Money.exact(roi.price()));
            r.put("untilMs", roi.untilMs());
            parts.add("minimal ROI " + Money.exact(roi.pct()) + " % at " + Money.price(roi.price(), tick)
                    + (roi.untilMs() < 0 ? "" : " for " + ReportText.age(roi.untilMs()) + " more"));
        });
        levels.trailingStop().ifPresent(v -> {
            pr.put("trailingStop", Money.exact(v));
            parts.add("trailing stop " + Money.price(v, tick));
        });
        levels.trailingStart().ifPresent(v -> {
            pr.put("trailingStart", Money.exact(v));
            if (levels.trailingStop().isEmpty()) {
                parts.add("trailing stop once the price reaches " + Money.price(v, tick));
            }
        });
        return parts.isEmpty() ? "NOT PROTECTED: no stop set (risk.stopLossPct, takeProfitPct and trailingStopPct "
                + "are 0, minimalRoi is empty)" : "protected: " + String.join(", ", parts);
    }
}
