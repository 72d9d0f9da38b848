package com.byninja.bot.link;

import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.Mark;
import com.byninja.bot.engine.Trader;
import com.byninja.bot.engine.TraderSnapshot;
import com.byninja.bot.link.Layout.Table;
import com.byninja.bot.link.StatusReport.Report;
import com.byninja.bot.positions.TradeStats;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code profit} answer, all time or over the last UTC days, for every symbol or one: realised PnL of the trades
 * closed in the period and unrealised PnL of the positions open now (after the exit fee), the two together in percent
 * of the equity the period started with (saying which figure that is), the best and worst trade, the win rate and the
 * average time a trade was open. Runs on the trading thread.
 */
public final class ProfitReport {

    private final Trader trader;

    public ProfitReport(Trader trader) {
        this.trader = trader;
    }

    /**
     * @param symbol the market, or null for all
     * @param days   the last UTC days, today included (1 is today since 00:00 UTC), or null for all time
     * @return the {@code profit} answer
     */
    public Report profit(Symbol symbol, Integer days) {
        Instant now = trader.clock().instant();
        Instant since = days == null ? null
                : LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days - 1L).atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
        TraderSnapshot snap = trader.snapshot();
        String quote = snap.quoteCurrency();
        List<ClosedTrade> trades;
        Optional<StartingEquity> start;
        try {
            trades = trader.positionJournal().closedTrades(symbol, since);
            start = since == null ? StartingEquity.first(trader.equityJournal())
                    : StartingEquity.of(trader.equityJournal(), since, now);
        } catch (SQLException e) {
            return Layout.problem("store_error", "The profit is unavailable: the trades could not be read ("
                    + e.getMessage() + ").");
        }
        TradeStats stats = TradeStats.of(trades, Map.of(), quote);
        BigDecimal unrealised = BigDecimal.ZERO;
        int open = 0;
        List<String> notes = new ArrayList<>();
        for (TraderSnapshot.PositionState ps : snap.positions()) {
            if (symbol != null && !ps.position().symbol().equals(symbol)) {
                continue;
            }
            open++;
            Optional<Mark> mark = ps.mark();
            if (mark.isEmpty()) {
                notes.add(ps.position().symbol() + " has no price yet: not in the unrealised PnL.");
                continue;
            }
            unrealised = unrealised.add(mark.get().unrealisedPnl());
            if (mark.get().stale()) {
                notes.add(ps.position().symbol() + "'s last price is " + ReportText.age(mark.get().ageMs())
                        + " old (STALE).");
            }
        }
        BigDecimal total = stats.realisedPnl().add(unrealised);
        if (start.isEmpty()) {
            start = StartingEquity.workedOut(trader.equity(), total);
        }

        ObjectNode data = Money.object();
        data.put("symbol", symbol == null ? "all" : symbol.toString());
        if (days == null) {
            data.putNull("days");
            data.putNull("since");
        } else {
            data.put("days", days);
            data.put("since", since.toString());
        }
        data.put("quoteCurrency", quote);
        data.put("realisedPnl", Money.exact(stats.realisedPnl()));
        data.put("unrealisedPnl", Money.exact(unrealised));
        data.put("totalPnl", Money.exact(total));
        data.put("trades", stats.trades());
        data.put("openPositions", open);

        Table table = Table.withoutHeader(2).aligned(false, false)
                .row("Realised", Money.signedDown(stats.realisedPnl()) + " on "
                        + Money.count(stats.trades(), "trade", "trades"))
                .row("Unrealised", Money.signedDown(unrealised) + " on "
                        + Money.count(open, "open position", "open positions"));
        if (start.isPresent()) {
            BigDecimal pct = start.get().pctOf(total);
            data.put("pnlPct", pct.toPlainString());
            start.get().into(data.putObject("startEquity"));
            table.row("Total", Money.signedDown(total) + ", " + Money.signedPct(pct) + " %");
        } else {
            data.putNull("pnlPct");
            data.putNull("startEquity");
            table.row("Total", Money.signedDown(total));
        }
        if (stats.trades() > 0) {
            tradeRows(trades, stats, table, data);
        }
        String period = days == null ? "all time" : days == 1 ? "today (UTC)"
                : "the last " + days + " days (UTC, since " + Layout.DAY.format(since) + ")";
        Layout layout = new Layout().text("Profit" + (symbol == null ? "" : " of " + symbol) + " in " + quote + ", "
                + period).table(table);
        start.ifPresent(s -> layout.text("%: of " + Money.down(s.equity()) + " " + quote
                + (symbol == null ? ", " : ", the bot's whole equity: ") + s.describe() + "."));
        notes.forEach(layout::text);
        return layout.done(data);
    }

    private static void tradeRows(List<ClosedTrade> trades, TradeStats stats, Table table, ObjectNode data) {
        data.put("wins", stats.wins());
        data.put("losses", stats.losses());
        data.put("winRatePct", stats.winRatePct().toPlainString());
        table.row("Win rate", stats.winRatePct().toPlainString() + " % (" + stats.wins() + " of " + stats.trades()
                + " won)");
        ClosedTrade best = trades.get(0);
        ClosedTrade worst = trades.get(0);
        long seconds = 0;
        for (ClosedTrade t : trades) {
            best = t.realisedPnl().compareTo(best.realisedPnl()) > 0 ? t : best;
            worst = t.realisedPnl().compareTo(worst.realisedPnl()) < 0 ? t : worst;
            seconds += Duration.between(t.openedAt(), t.closedAt()).toSeconds();
        }
        trade(data.putObject("best"), best);
        trade(data.putObject("worst"), worst);
        if (trades.size() == 1) {
            table.row("Trade", tradeText(best));
        } else {
            table.row("Best", tradeText(best)).row("Worst", tradeText(worst));
        }
        long average = seconds / trades.size();
        data.put("averageDurationSeconds", average);
        table.row("Duration", ReportText.uptime(average) + (trades.size() == 1 ? "" : " on average"));
    }

    /** @return {@code +8.00 (+8.00 %) BTC/USDT} */
    private static String tradeText(ClosedTrade t) {
        return Money.signedDown(t.realisedPnl()) + " (" + Money.signedPct(pctOfCost(t)) + " %) " + t.symbol();
    }

    /** @return the trade's PnL in percent of what it cost, fees included */
    static BigDecimal pctOfCost(ClosedTrade t) {
        return Money.pct(t.realisedPnl(), t.entryCost().add(t.entryFees()));
    }

    private static void trade(ObjectNode node, ClosedTrade t) {
        node.put("symbol", t.symbol().toString());
        node.put("realisedPnl", Money.exact(t.realisedPnl()));
        node.put("pnlPct", pctOfCost(t).toPlainString());
        node.put("closedAt", t.closedAt().toString());
        node.put("orderId", t.clientOrderId());
    }
}
