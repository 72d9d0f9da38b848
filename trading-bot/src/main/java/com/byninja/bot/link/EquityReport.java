package com.byninja.bot.link;

import com.byninja.bot.domain.EquitySample;
import com.byninja.bot.domain.Money;
import com.byninja.bot.engine.Trader;
import com.byninja.bot.link.StatusReport.Report;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code equity} answer: the equity the bot wrote on the clock over the last days
 * ({@code store.equitySampleMinutes}) and the equity now, as {@code data.equity}, which the telegram-server draws with
 * its drawdown; the text gives the change, the highest and the deepest drawdown in words. Runs on the trading thread.
 */
public final class EquityReport {

    /** Days drawn when none are asked for. */
    public static final int DEFAULT_DAYS = 30;
    /** The most days one chart draws: ten years. */
    public static final int MAX_DAYS = 3650;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final Trader trader;
    private final String quote;
    private final int sampleMinutes;

    /**
     * @param trader        the trader, whose equity is drawn
     * @param quote         the quote currency the equity is counted in
     * @param sampleMinutes {@code store.equitySampleMinutes}
     */
    public EquityReport(Trader trader, String quote, int sampleMinutes) {
        this.trader = trader;
        this.quote = quote;
        this.sampleMinutes = sampleMinutes;
    }

    /**
     * @param days the days asked for, or null for {@link #DEFAULT_DAYS}; 1 to {@link #MAX_DAYS}
     * @return the curve's data and its description, or why there is none
     */
    public Report equity(Integer days) {
        int span = days == null ? DEFAULT_DAYS : days;
        if (span < 1 || span > MAX_DAYS) {
            return problem("bad_days", "An equity chart covers 1 to " + MAX_DAYS + " days; got " + span + ".");
        }
        Instant now = trader.clock().instant();
        Instant since = now.minus(Duration.ofDays(span));
        List<EquitySample> samples;
        try {
            samples = new ArrayList<>(trader.equityJournal().equitySince(since));
        } catch (SQLException e) {
            return problem("store_error", "The equity history is unavailable: it could not be read (" + e.getMessage()
                    + ").");
        }
        BigDecimal current = trader.equity();
        String nowText = "Equity " + Money.down(current) + " " + quote + " now.";
        if (samples.isEmpty()) {
            long every = sampleMinutes * 60_000L;
            Instant first = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), every) * every + every);
            ObjectNode data = Money.object();
            data.put("equity", Money.exact(current));
            return new Report(nowText + " No history yet: the bot writes its equity every " + sampleMinutes
                    + " min on the clock, the first at " + TIME.format(first) + " UTC.", data);
        }
        samples.add(new EquitySample(now, current));
        BigDecimal start = samples.get(0).equity();
        BigDecimal highest = start;
        BigDecimal peak = start;
        BigDecimal deepest = BigDecimal.ZERO;
        ObjectNode data = Money.object();
        ObjectNode equity = data.putObject("equity");
        equity.put("title", "Equity, last " + span + (span == 1 ? " day" : " days"));
        equity.put("quote", quote);
        ArrayNode points = equity.putArray("points");
        for (EquitySample s : samples) {
            ArrayNode point = points.addArray();
            point.add(s.at().toEpochMilli());
            point.add(Money.exact(s.equity()));
            highest = highest.max(s.equity());
            peak = peak.max(s.equity());
            if (peak.signum() > 0) {
                deepest = deepest.max(Money.pctUp(peak.subtract(s.equity()), peak));
            }
        }
        BigDecimal change = current.subtract(start);
        String pct = start.signum() > 0 ? " (" + Money.signedPct(Money.pct(change, start)) + " %)" : "";
        int written = samples.size() - 1;
        return new Report(nowText + " Since " + DAY.format(samples.get(0).at()) + " " + TIME.format(samples.get(0).at())
                + " UTC: " + Money.signedDown(change) + " " + quote + pct + " from " + Money.down(start) + "; highest "
                + Money.down(highest) + ", deepest drawdown " + deepest.toPlainString() + " %; " + written
                + (written == 1 ? " sample" : " samples") + ", every " + sampleMinutes + " min.", data);
    }

    private static Report problem(String code, String text) {
        ObjectNode data = Money.object();
        data.put("error", code);
        return new Report(text, data);
    }
}
