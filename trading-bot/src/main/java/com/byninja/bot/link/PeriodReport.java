package com.byninja.bot.link;

import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Money;
import com.byninja.bot.engine.Trader;
import com.byninja.bot.link.Layout.Table;
import com.byninja.bot.link.StatusReport.Report;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code daily}, {@code weekly} and {@code monthly} answers: a table of the last periods, the current one first
 * (UTC days, ISO weeks from Monday, calendar months), each with the trades closed in it, their realised PnL, and that
 * PnL in percent of the equity the period started with where the equity samples tell it; a total beneath. A trade
 * counts in the period it closed in, as the daily loss limit counts it. Runs on the trading thread.
 */
public final class PeriodReport {

    /** The length of a period. */
    public enum Unit {
        DAY(7, "Daily", "day", "days", "Day", "today"),
        WEEK(8, "Weekly", "week", "weeks", "Week of", "this week"),
        MONTH(6, "Monthly", "month", "months", "Month", "this month");

        private final int defaultCount;
        private final String title;
        private final String one;
        private final String many;
        private final String header;
        private final String current;

        Unit(int defaultCount, String title, String one, String many, String header, String current) {
            this.defaultCount = defaultCount;
            this.title = title;
            this.one = one;
            this.many = many;
            this.header = header;
            this.current = current;
        }

        /** @return how many periods the table has when none are asked for: 7 days, 8 weeks, 6 months */
        public int defaultCount() {
            return defaultCount;
        }

        /** @return the start of the period {@code back} periods before the one {@code today} is in */
        LocalDate start(LocalDate today, int back) {
            return switch (this) {
                case DAY -> today.minusDays(back);
                case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(back);
                case MONTH -> today.withDayOfMonth(1).minusMonths(back);
            };
        }

        String label(LocalDate start) {
            return this == MONTH ? start.toString().substring(0, 7) : start.toString();
        }
    }

    private record Period(LocalDate start, Instant from, Instant until) {
    }

    private final Trader trader;

    public PeriodReport(Trader trader) {
        this.trader = trader;
    }

    /**
     * @param count the periods asked for, or null for the unit's default
     * @return the table of the last {@code count} periods of {@code unit}
     */
    public Report periods(Unit unit, Integer count) {
        int n = count == null ? unit.defaultCount() : count;
        Instant now = trader.clock().instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Period> periods = new ArrayList<>();
        Instant until = now;
        for (int back = 0; back < n; back++) {
            LocalDate start = unit.start(today, back);
            Instant from = start.atStartOfDay(ZoneOffset.UTC).toInstant();
            periods.add(new Period(start, from, until));
            until = from;
        }
        String quote = trader.config().quoteCurrency();
        ObjectNode data = Money.object();
        data.put("unit", unit.one);
        data.put("count", n);
        data.put("quoteCurrency", quote);
        ArrayNode rows = data.putArray("periods");
        Table table = new Table(unit.header, "Trades", "PnL", "%");
        int allTrades = 0;
        BigDecimal allPnl = BigDecimal.ZERO;
        Optional<StartingEquity> overall;
        try {
            // One pass: the trades come oldest first, the periods newest first, so the oldest period is at the end.
            int[] counts = new int[n];
            BigDecimal[] sums = new BigDecimal[n];
            Arrays.fill(sums, BigDecimal.ZERO);
            int k = n - 1;
            for (ClosedTrade t : trader.positionJournal().closedTrades(null, periods.get(n - 1).from())) {
                while (k > 0 && !t.closedAt().isBefore(periods.get(k - 1).from())) {
                    k--;
                }
                if (t.closedAt().isBefore(periods.get(k).until())) {
                    counts[k]++;
                    sums[k] = sums[k].add(t.realisedPnl());
                }
            }
            for (int i = 0; i < n; i++) {
                Period p = periods.get(i);
                int inPeriod = counts[i];
                BigDecimal pnl = sums[i];
                Optional<StartingEquity> start = StartingEquity.of(trader.equityJournal(), p.from(), p.until());
                allTrades += inPeriod;
                allPnl = allPnl.add(pnl);
                ObjectNode row = rows.addObject();
                row.put("start", p.from().toString());
                row.put("label", unit.label(p.start()));
                row.put("trades", inPeriod);
                row.put("pnl", Money.exact(pnl));
                pct(row, start, pnl);
                table.row(unit.label(p.start()), Integer.toString(inPeriod), Money.signedDown(pnl),
                        start.map(s -> Money.signedPct(s.pctOf(pnl))).orElse("-"));
            }
            overall = StartingEquity.of(trader.equityJournal(), periods.get(n - 1).from(), now);
        } catch (SQLException e) {
            return Layout.problem("store_error", "The " + unit.title.toLowerCase(Locale.ROOT)
                    + " PnL is unavailable: the trades could not be read (" + e.getMessage() + ").");
        }
        ObjectNode total = data.putObject("total");
        total.put("trades", allTrades);
        total.put("pnl", Money.exact(allPnl));
        pct(total, overall, allPnl);
        BigDecimal sum = allPnl;
        table.row("Total", Integer.toString(allTrades), Money.signedDown(sum),
                overall.map(s -> Money.signedPct(s.pctOf(sum))).orElse("-"));
        String span = n == 1 ? unit.current : "the last " + n + " " + unit.many;
        return new Layout().text(unit.title + " PnL in " + quote + ", " + span + (unit == Unit.WEEK
                        ? " (from Monday, UTC)" : " (UTC)")).table(table)
                .text("PnL: realised, in the " + unit.one + " each trade closed. %: of the equity the " + unit.one
                        + " began with, as the bot wrote it (or its first written in the " + unit.one + "); - where "
                        + "it had written none.")
                .done(data);
    }

    private static void pct(ObjectNode node, Optional<StartingEquity> start, BigDecimal pnl) {
        if (start.isPresent()) {
            node.put("pnlPct", start.get().pctOf(pnl).toPlainString());
            start.get().into(node.putObject("startEquity"));
        } else {
            node.putNull("pnlPct");
            node.putNull("startEquity");
        }
    }
}
