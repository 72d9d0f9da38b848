package com.byninja.bot.link;

import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Position;
import com.byninja.bot.engine.Mark;
import com.byninja.bot.engine.Trader;
import com.byninja.bot.engine.TraderSnapshot;
import com.byninja.bot.link.Layout.Table;
import com.byninja.bot.link.StatusReport.Report;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code balance} answer: per asset, what is free and what is in positions, and what each counts in the equity
 * (the free quote balance and the positions at their last price, as the stakes are sized on); the budget used when
 * {@code risk.budget} is set. Runs on the trading thread.
 */
public final class BalanceReport {

    private final Trader trader;

    public BalanceReport(Trader trader) {
        this.trader = trader;
    }

    /** @return the {@code balance} answer */
    public Report balance() {
        TraderSnapshot snap = trader.snapshot();
        String quote = snap.quoteCurrency();
        Map<String, BigDecimal> balances = snap.balances();
        Map<String, TraderSnapshot.PositionState> byAsset = new TreeMap<>();
        snap.positions().forEach(ps -> byAsset.put(ps.position().symbol().base(), ps));
        TreeSet<String> assets = new TreeSet<>(byAsset.keySet());
        balances.forEach((asset, amount) -> {
            if (!asset.equals(quote) && amount.signum() != 0) {
                assets.add(asset);
            }
        });

        BigDecimal freeQuote = balances.getOrDefault(quote, BigDecimal.ZERO);
        BigDecimal equity = freeQuote;
        ObjectNode data = Money.object();
        data.put("quoteCurrency", quote);
        ArrayNode rows = data.putArray("assets");
        ObjectNode quoteRow = rows.addObject();
        quoteRow.put("asset", quote);
        quoteRow.put("free", Money.exact(freeQuote));
        quoteRow.put("inPositions", "0");
        quoteRow.put("value", Money.exact(freeQuote));
        Table table = new Table("Asset", "Free", "In positions", "Value")
                .row(quote, Money.down(freeQuote), "-", Money.down(freeQuote));
        boolean outside = false;
        List<String> notes = new ArrayList<>();
        for (String asset : assets) {
            BigDecimal balance = balances.getOrDefault(asset, BigDecimal.ZERO);
            TraderSnapshot.PositionState ps = byAsset.get(asset);
            BigDecimal held = ps == null ? BigDecimal.ZERO : ps.position().quantity();
            BigDecimal free = balance.subtract(held).max(BigDecimal.ZERO);
            outside |= free.signum() > 0;
            ObjectNode row = rows.addObject();
            row.put("asset", asset);
            row.put("free", Money.exact(free));
            row.put("inPositions", Money.exact(held));
            if (ps == null) {
                row.putNull("value");
                table.row(asset, Money.exact(free), "-", "-");
                continue;
            }
            Position p = ps.position();
            Optional<Mark> mark = ps.mark();
            BigDecimal value = mark.map(m -> m.price().multiply(p.quantity())).orElse(p.entryCost());
            equity = equity.add(value);
            row.put("value", Money.exact(value));
            row.put("symbol", p.symbol().toString());
            mark.ifPresentOrElse(m -> {
                row.put("price", Money.exact(m.price()));
                row.put("priceStale", m.stale());
                if (m.stale()) {
                    notes.add(p.symbol() + "'s last price is " + ReportText.age(m.ageMs()) + " old (STALE).");
                }
            }, () -> {
                row.putNull("price");
                notes.add(p.symbol() + " has no price yet: valued at its entry cost.");
            });
            table.row(asset, Money.exact(free), Money.exact(held), Money.down(value));
        }
        data.put("equity", Money.exact(equity));

        Layout layout = new Layout().text("Balance: equity " + Money.down(equity) + " " + quote).table(table)
                .text("Equity: the free " + quote + " and the positions at their last price"
                        + (outside ? "; coins outside positions are not counted." : "."));
        notes.forEach(layout::text);
        BigDecimal reserved = freeQuote.subtract(trader.freeQuote());
        data.put("reservedForBuys", Money.exact(reserved));
        if (reserved.signum() > 0) {
            layout.text(Money.up(reserved) + " " + quote + " of the free " + quote + " is kept for buys waiting for "
                    + "the exchange.");
        }
        if (snap.budget().signum() > 0) {
            BigDecimal left = snap.budget().subtract(snap.inPositions()).max(BigDecimal.ZERO);
            ObjectNode budget = data.putObject("budget");
            budget.put("limit", Money.exact(snap.budget()));
            budget.put("inPositions", Money.exact(snap.inPositions()));
            budget.put("left", Money.exact(left));
            layout.text("Budget: " + Money.up(snap.inPositions()) + " of " + Money.down(snap.budget()) + " " + quote
                    + " used (risk.budget), " + Money.down(left) + " left.");
        }
        return layout.done(data);
    }
}
