package com.byninja.bot.backtest;

import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Symbol;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A backtest's report: the summary on the console, {@code report.json} and {@code trades.csv}. */
public final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /** @return the summary a person reads on the console. */
    public static String text(BacktestReport r, String quote, String strategy) {
        StringBuilder t = new StringBuilder();
        t.append("Backtest of ").append(strategy).append('\n');
        t.append("Period: ").append(r.from()).append(" to ").append(r.to()).append('\n');
        t.append(String.format(Locale.ROOT, "Candles: %,d (%,d per second)%n", r.candles(), r.candlesPerSecond()));
        t.append(String.format(Locale.ROOT, "Trades: %,d, won %,d, lost %,d (win rate %s %%)%n", r.stats().trades(),
                r.stats().wins(), r.stats().losses(), r.stats().winRatePct().toPlainString()));
        t.append("Net profit: ").append(Money.signedDown(r.netProfit())).append(' ').append(quote).append(" (")
                .append(signedPct(r.netProfitPct())).append("), from ").append(Money.quote(r.startBalance()))
                .append(" to ").append(Money.down(r.endBalance())).append(' ').append(quote).append('\n');
        t.append("Fees: ").append(Money.up(r.stats().fees())).append(' ').append(quote).append('\n');
        t.append("Max drawdown: ").append(Money.up(r.maxDrawdown())).append(' ').append(quote).append(" (")
                .append(r.maxDrawdownPct().toPlainString()).append(" %)\n");
        t.append("Sharpe ").append(ratio(r.sharpe())).append(", Sortino ").append(ratio(r.sortino()))
                .append(" (daily returns), profit factor ").append(ratio(r.profitFactor())).append('\n');
        t.append("Exposure: ").append(r.exposurePct().toPlainString()).append(" % of the time in a position\n");
        t.append("Buy and hold: ").append(signedPct(r.buyAndHoldPct())).append('\n');
        for (Map.Entry<Symbol, BacktestReport.SymbolFigures> e : r.perSymbol().entrySet()) {
            BacktestReport.SymbolFigures f = e.getValue();
            t.append("  ").append(e.getKey()).append(": ").append(f.trades()).append(" trades, won ").append(f.wins())
                    .append(", lost ").append(f.losses()).append(", realised ")
                    .append(Money.signedDown(f.realisedPnl())).append(' ').append(quote).append("; buy and hold ")
                    .append(signedPct(f.buyAndHoldPct())).append('\n');
        }
        return t.toString();
    }

    /** Writes {@code report.json}: the figures under stable keys, money and percentages as exact decimal text. */
    public static void json(Path file, BacktestReport r, String quote) throws IOException {
        ObjectNode n = Money.object();
        n.put("from", String.valueOf(r.from()));
        n.put("to", String.valueOf(r.to()));
        n.put("quoteCurrency", quote);
        n.put("candles", r.candles());
        n.put("trades", r.stats().trades());
        n.put("wins", r.stats().wins());
        n.put("losses", r.stats().losses());
        n.put("winRate", r.stats().winRatePct());
        n.put("netProfit", r.netProfit());
        n.put("netProfitPct", r.netProfitPct());
        n.put("fees", r.stats().fees());
        n.put("maxDrawdown", r.maxDrawdown());
        n.put("maxDrawdownPct", r.maxDrawdownPct());
        n.put("sharpe", r.sharpe());
        n.put("sortino", r.sortino());
        n.put("profitFactor", r.profitFactor());
        n.put("exposurePct", r.exposurePct());
        n.put("buyAndHoldPct", r.buyAndHoldPct());
        n.put("startBalance", r.startBalance());
        n.put("endBalance", r.endBalance());
        ObjectNode per = n.putObject("perSymbol");
        r.perSymbol().forEach((s, f) -> {
            ObjectNode p = per.putObject(s.toString());
            p.put("trades", f.trades());
            p.put("wins", f.wins());
            p.put("losses", f.losses());
            p.put("realisedPnl", f.realisedPnl());
            p.put("buyAndHoldPct", f.buyAndHoldPct());
        });
        n.put("candlesPerSecond", r.candlesPerSecond());
        Files.writeString(file, JSON.writeValueAsString(plain(n)) + "\n", StandardCharsets.UTF_8);
    }

    /** Writes {@code trades.csv}: one row per closed trade, in the order closed. */
    public static void tradesCsv(Path file, List<ClosedTrade> trades) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("symbol,entryTime,entryPrice,exitTime,exitPrice,quantity,fees,pnl,exitReason\n");
            for (ClosedTrade t : trades) {
                BigDecimal entryPrice = t.entryCost().divide(t.quantity(), MathContext.DECIMAL64);
                w.write(String.join(",", t.symbol().toString(), t.openedAt().toString(), Money.exact(entryPrice),
                        t.closedAt().toString(), Money.exact(t.exitPrice()), Money.exact(t.quantity()),
                        Money.exact(t.entryFees().add(t.exitFees())), Money.exact(t.realisedPnl()),
                        t.exitPurpose().label()));
                w.write('\n');
            }
        }
    }

    /** @return {@code n} with every decimal written as plain text, so that {@code 1E+2} reads {@code 100}. */
    private static ObjectNode plain(ObjectNode n) {
        ObjectNode out = Money.object();
        n.properties().forEach(e -> {
            if (e.getValue().isBigDecimal()) {
                out.put(e.getKey(), e.getValue().decimalValue().stripTrailingZeros().toPlainString());
            } else if (e.getValue().isObject()) {
                out.set(e.getKey(), plain((ObjectNode) e.getValue()));
            } else {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private static String signedPct(BigDecimal pct) {
        return (pct.signum() > 0 ? "+" : "") + pct.toPlainString() + " %";
    }

    private static String ratio(BigDecimal r) {
        return r == null ? "n/a" : r.toPlainString();
    }
}
