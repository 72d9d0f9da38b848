package com.byninja.bot.link;

import com.byninja.bot.config.Durations;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.Trader;
import com.byninja.bot.engine.port.PositionJournal;
import com.byninja.bot.link.StatusReport.Report;
import com.byninja.bot.risk.RiskManager;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code chart} answer: a symbol's recent closed candles (the bot's own, merged into a longer timeframe when one
 * is asked), the fills of its trades over them and its open position's levels, as {@code data.chart}, which the
 * telegram-server draws; the text says the same in words, for the console and as the picture's caption. Runs on the
 * trading thread, which owns the candles.
 */
public final class ChartReport {

    /** Candles drawn when none are asked for. */
    public static final int DEFAULT_CANDLES = 100;
    /** The most candles one chart draws: more are no longer readable on a phone. */
    public static final int MAX_CANDLES = 500;

    private final Trader trader;
    private final PositionJournal journal;
    private final Duration timeframe;

    /**
     * @param trader    the trader, whose candles and positions are drawn
     * @param timeframe the configured timeframe: the candles the bot holds
     */
    public ChartReport(Trader trader, Duration timeframe) {
        this.trader = trader;
        this.journal = trader.positionJournal();
        this.timeframe = timeframe;
    }

    /**
     * @param symbol the market
     * @param asked  the timeframe asked for, or null for the bot's own; a whole multiple of it
     * @param count  the candles asked for, or null for {@link #DEFAULT_CANDLES}; at most {@link #MAX_CANDLES}
     * @return the chart's data and its description, or why there is none
     */
    public Report chart(Symbol symbol, Duration asked, Integer count) {
        Duration frame = asked == null ? timeframe : asked;
        if (frame.toMillis() % timeframe.toMillis() != 0 || frame.compareTo(timeframe) < 0) {
            return problem("bad_timeframe", "The chart's timeframe must be a whole multiple of the bot's "
                    + Durations.format(timeframe) + " candles, such as " + Durations.format(timeframe.multipliedBy(5))
                    + " or " + Durations.format(timeframe.multipliedBy(60)) + "; got " + Durations.format(frame) + ".");
        }
        int wanted = count == null ? DEFAULT_CANDLES : count;
        if (wanted < 1 || wanted > MAX_CANDLES) {
            return problem("bad_count", "A chart draws 1 to " + MAX_CANDLES + " candles; got " + wanted + ".");
        }
        int per = (int) (frame.toMillis() / timeframe.toMillis());
        List<Candle> held = trader.candles(symbol, wanted * per + per);
        List<Candle> all = merged(held, frame);
        List<Candle> candles = all.subList(Math.max(0, all.size() - wanted), all.size());
        String title = symbol + " " + Durations.format(frame);
        if (candles.isEmpty()) {
            return problem("no_candles", "No " + symbol + " candles yet: the first closes "
                    + Durations.format(timeframe) + " after the bot started.");
        }
        Instant from = candles.get(0).start();
        List<ClosedTrade> trades;
        try {
            trades = journal.closedTrades(symbol, from);
        } catch (SQLException e) {
            return problem("store_error", "The chart is unavailable: its trades could not be read ("
                    + e.getMessage() + ").");
        }
        ObjectNode data = Money.object();
        ObjectNode chart = data.putObject("chart");
        chart.put("symbol", symbol.toString());
        chart.put("title", title);
        chart.put("quote", symbol.quote());
        chart.put("periodMs", frame.toMillis());
        ArrayNode rows = chart.putArray("candles");
        for (Candle c : candles) {
            ArrayNode row = rows.addArray();
            row.add(c.start().toEpochMilli());
            row.add(Money.exact(c.open()));
            row.add(Money.exact(c.high()));
            row.add(Money.exact(c.low()));
            row.add(Money.exact(c.close()));
        }
        ArrayNode marks = chart.putArray("marks");
        int entries = 0;
        int exits = 0;
        for (ClosedTrade t : trades) {
            if (!t.openedAt().isBefore(from)) {
                mark(marks, t.openedAt(), t.entryCost().divide(t.quantity(), MathContext.DECIMAL64), true, "entry");
                entries++;
            }
            mark(marks, t.closedAt(), t.exitPrice(), false, t.exitPurpose().label());
            exits++;
        }
        ArrayNode levels = chart.putArray("levels");
        int decimals = decimals(candles);
        StringBuilder text = new StringBuilder(title).append(": ").append(candles.size())
                .append(candles.size() == 1 ? " candle" : " candles").append(", last ")
                .append(atTick(candles.get(candles.size() - 1).close(), decimals)).append(' ').append(symbol.quote())
                .append(change(candles));
        if (entries + exits > 0) {
            text.append("; ").append(entries).append(entries == 1 ? " entry, " : " entries, ").append(exits)
                    .append(exits == 1 ? " exit" : " exits");
        }
        Optional<Position> open = trader.positions().get(symbol);
        if (open.isPresent()) {
            Position p = open.get();
            if (!p.openedAt().isBefore(from)) {
                mark(marks, p.openedAt(), p.averageEntryPrice(), true, "entry");
            }
            level(levels, "entry", p.averageEntryPrice());
            text.append("; position ").append(Money.exact(p.quantity())).append(" @ ")
                    .append(atTick(p.averageEntryPrice(), decimals));
            Optional<RiskManager.Protection> protection = trader.protection(symbol);
            if (protection.isPresent() && trader.protectiveExits()) {
                RiskManager.Protection levelsNow = protection.get();
                levelsNow.stopLoss().ifPresent(v -> {
                    level(levels, "stop_loss", v);
                    text.append(", stop-loss ").append(atTick(v, decimals));
                });
                levelsNow.takeProfit().ifPresent(v -> {
                    level(levels, "take_profit", v);
                    text.append(", take-profit ").append(atTick(v, decimals));
                });
                levelsNow.trailingStop().ifPresent(v -> {
                    level(levels, "trailing_stop", v);
                    text.append(", trailing stop ").append(atTick(v, decimals));
                });
            } else if (!trader.protectiveExits()) {
                text.append(", not protected (risk.protectiveExits: false)");
            }
        }
        return new Report(text.append('.').toString(), data);
    }

    /**
     * @return the candles merged into candles of {@code frame}, aligned on UTC; one that lacks a part (the first,
     *         begun before the candles held, or one across a gap) is left out
     */
    static List<Candle> merged(List<Candle> candles, Duration frame) {
        if (candles.isEmpty() || candles.get(0).period().equals(frame)) {
            return candles;
        }
        long ms = frame.toMillis();
        long per = ms / candles.get(0).period().toMillis();
        List<Candle> out = new ArrayList<>();
        Candle group = null;
        long parts = 0;
        for (Candle c : candles) {
            long start = Math.floorDiv(c.start().toEpochMilli(), ms) * ms;
            if (group == null || group.start().toEpochMilli() != start) {
                if (parts == per) {
                    out.add(group);
                }
                group = new Candle(c.symbol(), Instant.ofEpochMilli(start), frame, c.open(), c.high(), c.low(),
                        c.close(), c.volume());
                parts = 1;
            } else {
                group = new Candle(c.symbol(), group.start(), frame, group.open(), group.high().max(c.high()),
                        group.low().min(c.low()), c.close(), group.volume().add(c.volume()));
                parts++;
            }
        }
        if (parts == per) {
            out.add(group);
        }
        return out;
    }

    /** @return the most decimals the candles' prices show, the market's tick as far as they tell; 8 at most */
    static int decimals(List<Candle> candles) {
        int most = 0;
        for (Candle c : candles) {
            most = Math.max(most, Math.max(Math.max(c.open().stripTrailingZeros().scale(),
                    c.close().stripTrailingZeros().scale()), Math.max(c.high().stripTrailingZeros().scale(),
                    c.low().stripTrailingZeros().scale())));
        }
        return Math.min(8, most);
    }

    /** @return {@code price} written to {@code decimals} places, such as {@code 3001.80} */
    private static String atTick(BigDecimal price, int decimals) {
        return price.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String change(List<Candle> candles) {
        BigDecimal first = candles.get(0).open();
        if (first.signum() <= 0) {
            return "";
        }
        BigDecimal pct = candles.get(candles.size() - 1).close().subtract(first).movePointRight(2)
                .divide(first, 2, RoundingMode.HALF_EVEN);
        return " (" + (pct.signum() >= 0 ? "+" : "") + pct.toPlainString() + " % over the chart)";
    }

    private static void mark(ArrayNode marks, Instant at, BigDecimal price, boolean entry, String label) {
        ObjectNode m = marks.addObject();
        m.put("t", at.toEpochMilli());
        m.put("price", Money.exact(price));
        m.put("entry", entry);
        m.put("label", label);
    }

    private static void level(ArrayNode levels, String kind, BigDecimal price) {
        ObjectNode l = levels.addObject();
        l.put("kind", kind);
        l.put("price", Money.exact(price));
    }

    private static Report problem(String code, String text) {
        ObjectNode data = Money.object();
        data.put("error", code);
        return new Report(text, data);
    }
}
