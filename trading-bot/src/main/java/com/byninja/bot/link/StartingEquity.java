package com.byninja.bot.link;

import com.byninja.bot.domain.EquitySample;
import com.byninja.bot.domain.Money;
import com.byninja.bot.engine.port.EquityJournal;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The equity a period started with, which its PnL is a percentage of, and what that figure is: from the equity samples
 * ({@code store.equitySampleMinutes}, on the clock, so one falls on each midnight the bot was running), or, without
 * any, the equity now less the period's PnL.
 *
 * @param equity the equity, in the quote currency; positive
 * @param at     when it was written; null when worked out
 * @param source {@code sample_at_start}, {@code last_sample_before}, {@code first_sample_in}, {@code first_sample}
 *               or {@code now_less_pnl}
 */
record StartingEquity(BigDecimal equity, Instant at, String source) {

    /**
     * @param start the period's start
     * @param end   its end (now, for the current period)
     * @return the latest sample at or before {@code start}, else the first one in the period (the bot began writing
     *         them during it); empty without either, or when it is not positive
     */
    static Optional<StartingEquity> of(EquityJournal journal, Instant start, Instant end) throws SQLException {
        Optional<EquitySample> before = journal.equityAtOrBefore(start);
        if (before.isPresent()) {
            return positive(before.get(), before.get().at().equals(start) ? "sample_at_start" : "last_sample_before");
        }
        Optional<EquitySample> in = journal.equityAtOrAfter(start).filter(s -> s.at().isBefore(end));
        return in.isPresent() ? positive(in.get(), "first_sample_in") : Optional.empty();
    }

    /** @return the first sample the bot ever wrote, for all time */
    static Optional<StartingEquity> first(EquityJournal journal) throws SQLException {
        Optional<EquitySample> first = journal.equityAtOrAfter(Instant.EPOCH);
        return first.isPresent() ? positive(first.get(), "first_sample") : Optional.empty();
    }

    /** @return the equity now less {@code pnl}, when no sample tells; empty when that is not positive */
    static Optional<StartingEquity> workedOut(BigDecimal equityNow, BigDecimal pnl) {
        BigDecimal start = equityNow.subtract(pnl);
        return start.signum() > 0 ? Optional.of(new StartingEquity(start, null, "now_less_pnl")) : Optional.empty();
    }

    private static Optional<StartingEquity> positive(EquitySample s, String source) {
        return s.equity().signum() > 0 ? Optional.of(new StartingEquity(s.equity(), s.at(), source))
                : Optional.empty();
    }

    /** @return {@code pnl} in percent of this equity, two decimals rounded down */
    BigDecimal pctOf(BigDecimal pnl) {
        return Money.pct(pnl, equity);
    }

    /** @return what the figure is, such as {@code the equity at 2026-03-02 00:00 UTC, when the period began} */
    String describe() {
        return switch (source) {
            case "sample_at_start" -> "the equity at " + Layout.minute(at) + " UTC, when the period began";
            case "last_sample_before" -> "the equity last written before the period, at " + Layout.minute(at)
                    + " UTC";
            case "first_sample_in" -> "the equity at " + Layout.minute(at) + " UTC, the first written in the period";
            case "first_sample" -> "the equity at " + Layout.minute(at) + " UTC, the first the bot wrote";
            default -> "the equity now less this PnL (no equity written yet)";
        };
    }

    /** Writes it into {@code node}: {@code equity}, {@code at} (or null) and {@code source}. */
    void into(ObjectNode node) {
        node.put("equity", Money.exact(equity));
        if (at == null) {
            node.putNull("at");
        } else {
            node.put("at", at.toString());
        }
        node.put("source", source);
    }
}
