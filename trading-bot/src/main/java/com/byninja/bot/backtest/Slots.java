package com.byninja.bot.backtest;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The candle periods of a backtest, oldest first, each with the candles of every symbol that has one then, in the
 * configured order of the symbols. Read straight from each symbol's list as it goes, so that nothing of the whole
 * history is copied: a year of one-minute candles costs no more memory than its lists.
 */
final class Slots {

    private final List<List<Candle>> lists = new ArrayList<>();
    private final int[] next;
    /** Each symbol's next candle, or null when it has none left. */
    private final Candle[] heads;
    /** The period {@link #next} gives, refilled by each call. */
    private final List<Candle> now = new ArrayList<>();
    private final long count;

    /**
     * @param symbols the configured symbols, in order
     * @param candles per symbol, its candles in time order
     */
    Slots(List<Symbol> symbols, Map<Symbol, List<Candle>> candles) {
        for (Symbol s : symbols) {
            List<Candle> list = candles.get(s);
            if (list != null && !list.isEmpty()) {
                lists.add(list);
            }
        }
        next = new int[lists.size()];
        heads = new Candle[lists.size()];
        for (int i = 0; i < heads.length; i++) {
            heads[i] = lists.get(i).get(0);
        }
        count = countStarts();
    }

    /** @return the start of the first period, or the epoch when there are no candles */
    Instant first() {
        Instant first = null;
        for (Candle head : heads) {
            first = first == null || head.start().isBefore(first) ? head.start() : first;
        }
        return first == null ? Instant.EPOCH : first;
    }

    /** @return how many periods there are: the distinct candle starts over all symbols */
    long count() {
        return count;
    }

    /**
     * @return the candles of the next period, in the symbols' order; empty when every candle has been given. The same
     *         list each time, refilled: read it before the next call
     */
    List<Candle> next() {
        Instant start = null;
        for (Candle head : heads) {
            if (head != null && (start == null || head.start().isBefore(start))) {
                start = head.start();
            }
        }
        now.clear();
        if (start == null) {
            return now;
        }
        for (int i = 0; i < heads.length; i++) {
            if (heads[i] != null && heads[i].start().equals(start)) {
                now.add(heads[i]);
                next[i]++;
                heads[i] = next[i] < lists.get(i).size() ? lists.get(i).get(next[i]) : null;
            }
        }
        return now;
    }

    private long countStarts() {
        if (lists.size() == 1) {
            return lists.get(0).size();
        }
        int[] at = new int[lists.size()];
        long periods = 0;
        while (true) {
            long start = Long.MAX_VALUE;
            for (int i = 0; i < at.length; i++) {
                if (at[i] < lists.get(i).size()) {
                    start = Math.min(start, lists.get(i).get(at[i]).start().toEpochMilli());
                }
            }
            if (start == Long.MAX_VALUE) {
                return periods;
            }
            periods++;
            for (int i = 0; i < at.length; i++) {
                if (at[i] < lists.get(i).size() && lists.get(i).get(at[i]).start().toEpochMilli() == start) {
                    at[i]++;
                }
            }
        }
    }
}
