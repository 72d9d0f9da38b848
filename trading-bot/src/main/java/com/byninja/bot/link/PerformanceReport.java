package com.byninja.bot.link;

import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.Trader;
import com.byninja.bot.link.Layout.Table;
import com.byninja.bot.link.StatusReport.Report;
import com.byninja.bot.positions.TradeStats;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code performance} answer: per symbol, all time, the trades closed, the win rate and the realised PnL, the most
 * profitable first (a tie by symbol), with the whole bot's beneath. Runs on the trading thread.
 */
public final class PerformanceReport {

    private record Row(Symbol symbol, TradeStats stats) {
    }

    private final Trader trader;

    public PerformanceReport(Trader trader) {
        this.trader = trader;
    }

    /** @return the {@code performance} answer */
    public Report performance() {
        String quote = trader.config().quoteCurrency();
        List<ClosedTrade> trades;
        try {
            trades = trader.positionJournal().closedTrades(null, null);
        } catch (SQLException e) {
            return Layout.problem("store_error", "The performance is unavailable: the trades could not be read ("
                    + e.getMessage() + ").");
        }
        ObjectNode data = Money.object();
        data.put("quoteCurrency", quote);
        ArrayNode symbols = data.putArray("symbols");
        if (trades.isEmpty()) {
            return new Layout().text("Performance in " + quote + ": no closed trades yet.").done(data);
        }
        Map<Symbol, List<ClosedTrade>> bySymbol = new LinkedHashMap<>();
        trades.forEach(t -> bySymbol.computeIfAbsent(t.symbol(), s -> new ArrayList<>()).add(t));
        List<Row> rows = new ArrayList<>();
        bySymbol.forEach((s, list) -> rows.add(new Row(s, TradeStats.of(list, Map.of(), quote))));
        rows.sort(Comparator.comparing((Row r) -> r.stats().realisedPnl()).reversed()
                .thenComparing(r -> r.symbol().toString()));
        Table table = new Table("Symbol", "Trades", "Won %", "PnL");
        for (Row r : rows) {
            ObjectNode row = symbols.addObject();
            row.put("symbol", r.symbol().toString());
            stats(row, r.stats());
            table.row(r.symbol().toString(), Integer.toString(r.stats().trades()),
                    r.stats().winRatePct().toPlainString(), Money.signedDown(r.stats().realisedPnl()));
        }
        TradeStats all = TradeStats.of(trades, Map.of(), quote);
        stats(data.putObject("total"), all);
        table.row("Total", Integer.toString(all.trades()), all.winRatePct().toPlainString(),
                Money.signedDown(all.realisedPnl()));
        return new Layout().text("Performance in " + quote + ", all time, the best first").table(table)
                .text("Won %: the trades that made money after fees; PnL: realised.").done(data);
    }

    private static void stats(ObjectNode node, TradeStats s) {
        node.put("trades", s.trades());
        node.put("wins", s.wins());
        node.put("losses", s.losses());
        node.put("winRatePct", s.winRatePct().toPlainString());
        node.put("realisedPnl", Money.exact(s.realisedPnl()));
    }
}
