package com.byninja.bot.link;

import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.Trader;
import com.byninja.bot.link.StatusReport.Report;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code trades} answer: the last closed trades, the latest first, each with its entry and exit price (to the
 * market's tick where the exchange gives one), its PnL in the quote currency and in percent of what it cost (fees
 * included), how long it was open and why it closed, in words. Runs on the trading thread.
 */
public final class TradesReport {

    /** Trades listed when no count is asked for. */
    public static final int DEFAULT_COUNT = 10;

    private final Trader trader;

    public TradesReport(Trader trader) {
        this.trader = trader;
    }

    /**
     * @param symbol the market, or null for all
     * @param count  how many, or null for {@link #DEFAULT_COUNT}
     * @return the {@code trades} answer
     */
    public Report trades(Symbol symbol, Integer count) {
        int n = count == null ? DEFAULT_COUNT : count;
        List<ClosedTrade> recent;
        try {
            recent = trader.positionJournal().recentTrades(symbol, n);
        } catch (SQLException e) {
            return Layout.problem("store_error", "The trades are unavailable: they could not be read ("
                    + e.getMessage() + ").");
        }
        String quote = trader.config().quoteCurrency();
        String of = symbol == null ? "" : " of " + symbol;
        ObjectNode data = Money.object();
        data.put("symbol", symbol == null ? "all" : symbol.toString());
        data.put("quoteCurrency", quote);
        ArrayNode list = data.putArray("trades");
        if (recent.isEmpty()) {
            return new Layout().text("No closed trades" + of + " yet.").done(data);
        }
        List<String> lines = new ArrayList<>();
        for (ClosedTrade t : recent) {
            BigDecimal tick = trader.priceTick(t.symbol());
            BigDecimal entry = t.entryCost().divide(t.quantity(), Position.VALUE_PRECISION).stripTrailingZeros();
            BigDecimal pct = ProfitReport.pctOfCost(t);
            long seconds = Duration.between(t.openedAt(), t.closedAt()).toSeconds();
            ObjectNode row = list.addObject();
            row.put("symbol", t.symbol().toString());
            row.put("quantity", Money.exact(t.quantity()));
            row.put("entryPrice", Money.exact(entry));
            row.put("exitPrice", Money.exact(t.exitPrice()));
            row.put("realisedPnl", Money.exact(t.realisedPnl()));
            row.put("pnlPct", pct.toPlainString());
            row.put("fees", Money.exact(t.fees()));
            row.put("openedAt", t.openedAt().toString());
            row.put("closedAt", t.closedAt().toString());
            row.put("durationSeconds", seconds);
            row.put("exitReason", t.exitPurpose().name().toLowerCase(Locale.ROOT));
            row.put("orderId", t.clientOrderId());
            lines.add(t.symbol() + " " + Layout.minute(t.closedAt()) + ", " + ReportText.uptime(seconds));
            lines.add(" " + Money.price(entry, tick) + " → " + Money.price(t.exitPrice(), tick) + "  "
                    + Money.signedDown(t.realisedPnl()) + " (" + Money.signedPct(pct) + " %)");
            lines.add(" closed " + t.exitPurpose().why());
        }
        String title = recent.size() == 1 ? "The last closed trade" + of + " (" + quote + ")"
                : "The last " + recent.size() + " closed trades" + of + ", the latest first (" + quote + ")";
        return new Layout().text(title).table(lines)
                .text("Prices: entry → exit; PnL after fees, % of what the trade cost; the time it closed (UTC) and "
                        + "how long it was open.")
                .done(data);
    }
}
