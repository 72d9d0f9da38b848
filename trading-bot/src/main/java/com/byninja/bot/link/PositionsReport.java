package com.byninja.bot.link;

import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OwnerStop;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.Mark;
import com.byninja.bot.engine.StopMove;
import com.byninja.bot.engine.Trader;
import com.byninja.bot.engine.TraderSnapshot;
import com.byninja.bot.link.StatusReport.Report;
import com.byninja.bot.risk.RiskManager;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code positions} answer: each open position with its entry, size, last price, PnL after the exit fee (in the
 * quote currency and in percent of what it cost), the levels that protect it and whether that protection acts now;
 * in {@code data.buttons}, per position, a button that closes it ({@code /forcesell SYMBOL}) and, where it would
 * hold, one that raises its stop to break-even ({@code /breakeven SYMBOL}). And the {@code breakeven} answer. Runs on
 * the trading thread.
 */
public final class PositionsReport {

    /** The width of the labels of a position's lines. */
    private static final int LABEL = 12;

    private final Trader trader;

    public PositionsReport(Trader trader) {
        this.trader = trader;
    }

    /**
     * @param symbol the market, or null for every open position
     * @return the {@code positions} answer
     */
    public Report positions(Symbol symbol) {
        TraderSnapshot snap = trader.snapshot();
        Instant now = trader.clock().instant();
        String quote = snap.quoteCurrency();
        List<TraderSnapshot.PositionState> open = snap.positions().stream()
                .filter(ps -> symbol == null || ps.position().symbol().equals(symbol)).toList();
        ObjectNode data = Money.object();
        data.put("quoteCurrency", quote);
        ArrayNode list = data.putArray("positions");
        ArrayNode buttons = data.putArray("buttons");
        if (open.isEmpty()) {
            return new Layout().text(symbol == null ? "No open positions." : "No open position in " + symbol + ".")
                    .done(data);
        }
        List<String> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!snap.protectiveExits()) {
            notes.add("Protective exits are off (risk.protectiveExits: false): no stop or target sells.");
        }
        int row = 0;
        for (TraderSnapshot.PositionState ps : open) {
            Position p = ps.position();
            Symbol s = p.symbol();
            BigDecimal tick = trader.priceTick(s);
            ObjectNode pd = list.addObject();
            pd.put("symbol", s.toString());
            pd.put("quantity", Money.exact(p.quantity()));
            pd.put("entryPrice", Money.exact(p.averageEntryPrice()));
            pd.put("costBasis", Money.exact(p.costBasis()));
            pd.put("openedAt", p.openedAt().toString());
            pd.put("configured", ps.configured());
            long openSeconds = Math.max(0, Duration.between(p.openedAt(), now).toSeconds());
            lines.add(s + " " + Money.exact(p.quantity()) + " " + s.base() + ", open " + ReportText.uptime(openSeconds)
                    + (ps.configured() ? "" : ", NOT CONFIGURED"));
            lines.add(line("entry", Money.price(p.averageEntryPrice(), tick)));
            Optional<Mark> mark = ps.mark();
            if (mark.isPresent()) {
                Mark m = mark.get();
                BigDecimal pct = Money.pct(m.unrealisedPnl(), p.costBasis());
                pd.put("lastPrice", Money.exact(m.price()));
                pd.put("priceAgeMs", m.ageMs());
                pd.put("priceStale", m.stale());
                pd.put("unrealisedPnl", Money.exact(m.unrealisedPnl()));
                pd.put("pnlPct", pct.toPlainString());
                lines.add(line("last", Money.price(m.price(), tick)
                        + (m.stale() ? " (" + ReportText.age(m.ageMs()) + " old)" : "")));
                lines.add(line("PnL", Money.signedDown(m.unrealisedPnl()) + " (" + Money.signedPct(pct) + " %)"));
            } else {
                pd.putNull("lastPrice");
                pd.putNull("unrealisedPnl");
                lines.add(line("last", "none yet"));
                lines.add(line("PnL", "unknown"));
            }
            Optional<OwnerStop> owner = trader.ownerStop(s);
            RiskManager.Protection levels = ps.protection();
            ObjectNode pr = pd.putObject("protection");
            levels.stopLoss().ifPresent(v -> {
                boolean yours = owner.isPresent() && owner.get().level().compareTo(v) == 0;
                pr.put("stopLoss", Money.exact(v));
                lines.add(line("stop-loss", Money.price(v, tick) + (yours ? " (your break-even)" : "")));
            });
            owner.ifPresent(o -> pr.put("ownerStop", Money.exact(o.level())));
            levels.takeProfit().ifPresent(v -> {
                pr.put("takeProfit", Money.exact(v));
                lines.add(line("take-profit", Money.price(v, tick)));
            });
            levels.minimalRoi().ifPresent(roi -> {
                ObjectNode r = pr.putObject("minimalRoi");
                r.put("pct", Money.exact(roi.pct()));
                r.put("price", Money.exact(roi.price()));
                lines.add(line("minimal ROI", Money.exact(roi.pct()) + " % at " + Money.price(roi.price(), tick)));
            });
            levels.trailingStop().ifPresent(v -> {
                pr.put("trailingStop", Money.exact(v));
                lines.add(line("trailing", Money.price(v, tick)));
            });
            levels.trailingStart().ifPresent(v -> {
                pr.put("trailingStart", Money.exact(v));
                if (levels.trailingStop().isEmpty()) {
                    lines.add(line("trailing", "from " + Money.price(v, tick)));
                }
            });
            boolean paused = snap.symbol(s).map(TraderSnapshot.SymbolState::pausedByStore).orElse(false);
            if (paused) {
                notes.add(s + " is paused: a fill waits to be written to the database; its stops act again once it "
                        + "is.");
            }
            String state = state(snap.protectiveExits(), paused, levels, mark);
            pr.put("active", state.equals("active"));
            pr.put("state", state);
            lines.add(line("protection", state));
            String onExchange = PositionText.onExchange(ps, tick, pr);
            if (onExchange != null) {
                lines.add(line("on exchange", exchangeState(ps, tick)));
                if (ps.exchangeStop().isEmpty()) {
                    notes.add(s + ": " + onExchange + " (risk.stopLossOnExchange), and tries again.");
                }
            }
            BigDecimal breakEven = trader.breakEvenPrice(p);
            pd.put("breakEven", Money.exact(breakEven));
            button(buttons, "Close " + s, "/forcesell " + s, row);
            boolean belowBreakEven = levels.stopLoss().map(v -> v.compareTo(breakEven) < 0).orElse(true);
            if (snap.protectiveExits() && belowBreakEven
                    && mark.map(m -> m.price().compareTo(breakEven) > 0).orElse(false)) {
                button(buttons, "Break-even " + s, "/breakeven " + s, row);
            }
            row++;
        }
        String title = symbol != null ? "Open position of " + symbol + " (" + quote + ")"
                : Money.count(open.size(), "open position", "open positions") + " (" + quote + ")";
        Layout layout = new Layout().text(title).table(lines)
                .text("PnL: selling at the last price, after the exit fee; % of what the position cost.");
        notes.forEach(layout::text);
        return layout.done(data);
    }

    /** @return the answer to {@code breakeven}, after raising the stop where that holds */
    public Report breakEven(Symbol symbol) throws SQLException {
        StopMove move = trader.stopToBreakEven(symbol);
        ObjectNode data = Money.object();
        data.put("symbol", symbol.toString());
        if (move instanceof StopMove.Refused refused) {
            data.put("moved", false);
            data.put("reason", refused.code());
            return new Layout().text(refused.message()).done(data);
        }
        StopMove.Moved moved = (StopMove.Moved) move;
        BigDecimal tick = trader.priceTick(symbol);
        Position p = trader.positions().get(symbol).orElseThrow();
        data.put("moved", true);
        data.put("stopLoss", Money.exact(moved.stop().level()));
        if (moved.before() == null) {
            data.putNull("before");
        } else {
            data.put("before", Money.exact(moved.before()));
        }
        return new Layout().text("Stop-loss of " + symbol + " raised to its break-even, "
                + Money.price(moved.stop().level(), tick) + " (" + (moved.before() == null ? "there was none"
                : "it was " + Money.price(moved.before(), tick)) + "): a sale there returns the " + Money.up(
                p.costBasis()) + " " + symbol.quote() + " the position cost, fees included. It stays, across "
                + "restarts, until the position closes.").done(data);
    }

    /** @return whether the levels protect the position now, in a few words (the notes say more) */
    private static String state(boolean exitsOn, boolean paused, RiskManager.Protection levels, Optional<Mark> mark) {
        if (!exitsOn) {
            return "OFF";
        }
        if (paused) {
            return "paused";
        }
        if (levels.stopLoss().isEmpty() && levels.takeProfit().isEmpty() && levels.trailingStop().isEmpty()
                && levels.trailingStart().isEmpty() && levels.minimalRoi().isEmpty()) {
            return "none: no stop or target";
        }
        if (mark.isEmpty()) {
            return "waiting: no price yet";
        }
        return mark.get().stale() ? "waiting: price STALE" : "active";
    }

    /** @return the position's stop on the exchange in a few words: its prices, or that it is not there */
    private static String exchangeState(TraderSnapshot.PositionState ps, BigDecimal tick) {
        if (ps.exchangeStop().isEmpty()) {
            return "NONE yet";
        }
        Order o = ps.exchangeStop().get();
        return (o.status() == com.byninja.bot.domain.OrderStatus.OPEN ? "" : "placing ") + "stop "
                + Money.price(o.stopPrice(), tick) + ", limit " + Money.price(o.limitPrice(), tick);
    }

    private static String line(String label, String value) {
        return " " + label + " ".repeat(Math.max(1, LABEL - label.length())) + value;
    }

    private static void button(ArrayNode buttons, String label, String command, int row) {
        ObjectNode b = buttons.addObject();
        b.put("label", label);
        b.put("command", command);
        b.put("row", row);
    }
}
