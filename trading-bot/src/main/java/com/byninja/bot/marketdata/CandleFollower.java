package com.byninja.bot.marketdata;

import com.byninja.bot.config.Durations;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of the exchange's closed candles a market monitor hands on, and when it asks for them: each period once and
 * in order, asked for just after the period ends. A candle the exchange does not have yet (Binance can lag a second or
 * two) is asked for again every {@link #retryMs} until {@link #waitMs} after its end; then it is logged as a gap and
 * skipped, so one missing candle never holds up the next ones. Every decision is a function of the answers and the
 * time passed in; nothing here reads a clock or waits. Used by the monitor's thread only.
 *
 * <p>The first candle handed on is the one after the history, or, without history, the one of the period in progress
 * when the monitor started: the exchange's candle of that period is whole, the monitor's start does not cut it. A
 * source that saw only part of that period (the simulator, recording from the monitor's start) leaves it out, and
 * that is no gap.
 */
final class CandleFollower {

    private static final Logger LOG = LoggerFactory.getLogger(CandleFollower.class);
    private static final long FETCH_DELAY_MS = 250;
    private static final long RETRY_MS = 500;
    private static final long WAIT_MS = 10_000;

    private final Symbol symbol;
    private final Duration timeframe;
    private final long frameMs;
    private final long fetchDelayMs;
    private final long retryMs;
    private final long waitMs;
    private final Instant startPeriod;
    private Instant next;
    private long dueAt;

    /**
     * @param started    when the monitor started
     * @param historyEnd the end of the last candle of history, or null without history
     */
    CandleFollower(Symbol symbol, Duration timeframe, Instant started, Instant historyEnd) {
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.frameMs = timeframe.toMillis();
        // Short timeframes (the simulator's demo candles) get proportionally short waits.
        this.fetchDelayMs = Math.min(FETCH_DELAY_MS, frameMs / 4);
        this.retryMs = Math.max(1, Math.min(RETRY_MS, frameMs / 4));
        this.waitMs = Math.min(WAIT_MS, frameMs);
        this.startPeriod = periodStart(started.toEpochMilli());
        // History that stops early (its last candle not final yet, or the exchange missing some) is joined from the
        // period before the start at most: older candles are history, not news to act on.
        Instant earliest = startPeriod.minus(timeframe);
        this.next = historyEnd == null ? startPeriod : historyEnd.isBefore(earliest) ? earliest : historyEnd;
        this.dueAt = endOf(next) + fetchDelayMs;
    }

    /** @return the start of the next candle to hand on: ask the exchange for its candles since then. */
    Instant since() {
        return next;
    }

    /** @return when to ask the exchange next, in epoch milliseconds of the monitor's clock. */
    long dueAt() {
        return dueAt;
    }

    /**
     * @param closed the exchange's final candles since {@link #since()}, oldest first
     * @param now    the time of the answer
     * @return the candles to hand on, in order, each for the first time
     */
    List<Candle> accept(List<Candle> closed, Instant now) {
        List<Candle> out = new ArrayList<>();
        for (Candle c : closed) {
            if (c.start().isBefore(next)) {
                continue;
            }
            if (c.start().isAfter(next)) {
                skipped(c.start());
            }
            out.add(c);
            next = c.end();
        }
        schedule(now);
        return out;
    }

    /** The exchange could not be asked: the candle due is asked for again, within its wait. */
    void failed(Instant now) {
        schedule(now);
    }

    private void schedule(Instant now) {
        long nowMs = now.toEpochMilli();
        if (endOf(next) > nowMs) {
            dueAt = endOf(next) + fetchDelayMs;
            return;
        }
        if (nowMs < endOf(next) + waitMs) {
            dueAt = nowMs + retryMs;
            return;
        }
        // Given up: skip to the latest period still within its wait, so that a long outage is one gap, not one per
        // period, and old candles are not handed on in a burst once the exchange answers again.
        skipped(periodStart(nowMs - waitMs));
        dueAt = endOf(next) > nowMs ? endOf(next) + fetchDelayMs : nowMs + retryMs;
    }

    private void skipped(Instant to) {
        boolean partialStart = next.equals(startPeriod) && to.equals(startPeriod.plus(timeframe));
        if (partialStart) {
            LOG.debug("{}: no whole {} candle for {}, the period the monitor started in", symbol,
                    Durations.format(timeframe), next);
        } else {
            LOG.warn("{}: the exchange gave no candle from {} to {} within {} ms of its end; skipped", symbol, next,
                    to, waitMs);
        }
        next = to;
    }

    private long endOf(Instant start) {
        return start.toEpochMilli() + frameMs;
    }

    private Instant periodStart(long epochMs) {
        return Instant.ofEpochMilli(Math.floorDiv(epochMs, frameMs) * frameMs);
    }
}
