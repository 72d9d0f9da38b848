package com.byninja.bot.engine;

import com.byninja.bot.domain.EquitySample;
import java.sql.SQLException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the bot's equity on the clock, every {@code store.equitySampleMinutes} (on the hour for 60), into the equity
 * journal, for {@code /equity}. A sample is taken at the first check at or after its time and stamped with the latest
 * such time, so the samples line up day after day; times missed while the bot was down (or its thread was stopped) are
 * not made up. A failed write is logged
 * once until one succeeds, and counted. Owned by the trading thread.
 */
final class EquitySamples {

    private static final Logger LOG = LoggerFactory.getLogger(Trader.class);

    private final TradingContext ctx;
    private final OrderDesk desk;
    private final long intervalMs;
    /** The next sample's time, in epoch milliseconds; set at the first check. */
    private long nextMs = Long.MIN_VALUE;
    /** Written by the trading thread only, read by the metrics. */
    private volatile long failures;
    private boolean failing;

    EquitySamples(TradingContext ctx, OrderDesk desk) {
        this.ctx = ctx;
        this.desk = desk;
        this.intervalMs = ctx.config.store().equitySampleMinutes() * 60_000L;
    }

    /** Writes a sample when its time has come. */
    void sampleIfDue() {
        long now = ctx.clock.instant().toEpochMilli();
        if (nextMs == Long.MIN_VALUE) {
            nextMs = after(now);
            return;
        }
        if (now < nextMs) {
            return;
        }
        long at = Math.floorDiv(now, intervalMs) * intervalMs;
        nextMs = at + intervalMs;
        EquitySample sample = new EquitySample(Instant.ofEpochMilli(at), desk.equity());
        try {
            ctx.journals.equity().saveEquity(sample);
            if (failing) {
                LOG.info("equity written again at {}", sample.at());
                failing = false;
            }
        } catch (SQLException e) {
            failures++;
            if (!failing) {
                LOG.warn("could not write the equity at {} ({} failures so far); tried again at the next sample",
                        sample.at(), failures, e);
                failing = true;
            }
        }
    }

    /** @return samples that could not be written since the start */
    long failures() {
        return failures;
    }

    /** @return the first sample time after {@code ms} */
    private long after(long ms) {
        return Math.floorDiv(ms, intervalMs) * intervalMs + intervalMs;
    }
}
