package com.byninja.bot.backtest;

import com.byninja.bot.backtest.data.CandleDataException;
import com.byninja.bot.backtest.data.MonthlyCandleFiles;
import com.byninja.bot.backtest.data.MonthlyCandleFiles.Stretch;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.MarketData;
import com.byninja.bot.exchange.xchange.XChangeMarkets;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Fetches one symbol's missing closed candles into its monthly files: the parts of the range asked for that the files
 * do not hold (before the first file, between two files that do not join, after the last), each paginated forward
 * from its start with the exchange's own page size. A month is written when its last candle has arrived, the month in
 * progress every {@value #CHECKPOINT_PAGES} pages and when the download stops, whether it failed or not: what was
 * fetched is kept, and a second run goes on from there to the same files an uninterrupted run writes.
 */
final class KlineDownload {

    /** Pages between two writes of the month in progress: a kill costs at most this many requests again. */
    static final int CHECKPOINT_PAGES = 10;

    /**
     * A part of the range the files lack.
     *
     * @param from the first open time wanted
     * @param to   the end, exclusive: the next file's first candle, the day after {@code --to}, or now
     */
    record Gap(Instant from, Instant to) {
    }

    /** What has been done so far, after each page. */
    @FunctionalInterface
    interface Listener {
        void fetched(long candles, Instant lastOpen, int monthsWritten);
    }

    private final Symbol symbol;
    private final Duration period;
    private final MonthlyCandleFiles files;
    private final MarketData market;
    private final Instant now;
    private final Months months = new Months();
    private long candles;

    /**
     * @param now the time the download was planned at: candles final by then are fetched, later ones are left for
     *            the next run
     */
    KlineDownload(Symbol symbol, Duration period, MonthlyCandleFiles files, MarketData market, Instant now) {
        this.symbol = symbol;
        this.period = period;
        this.files = files;
        this.market = market;
        this.now = now;
    }

    /**
     * @param held what the files hold ({@link MonthlyCandleFiles#stretches})
     * @param from the first open time asked for
     * @param to   the end asked for, exclusive
     * @param now  the time now
     * @return the parts of {@code [from, to)} the files lack whose first candle is final by {@code now}, in order;
     *         not the time before a file's first candle shorter than a period, where no candle of its grid opens
     */
    static List<Gap> missing(List<Stretch> held, Instant from, Instant to, Instant now, Duration period) {
        List<Gap> gaps = new ArrayList<>();
        Instant cursor = from;
        for (Stretch s : held) {
            if (!s.from().isBefore(cursor.plus(period))) {
                add(gaps, cursor, s.from().isBefore(to) ? s.from() : to, now, period);
            }
            if (s.to().isAfter(cursor)) {
                cursor = s.to();
            }
        }
        add(gaps, cursor, to, now, period);
        return gaps;
    }

    private static void add(List<Gap> gaps, Instant from, Instant to, Instant now, Duration period) {
        if (from.isBefore(to) && isFinal(from, period, now)) {
            gaps.add(new Gap(from, to));
        }
    }

    /** @return whether the candle opening at {@code open} is final at {@code now}, as the exchange's reader takes it */
    static boolean isFinal(Instant open, Duration period, Instant now) {
        return !open.plus(period).plusMillis(XChangeMarkets.CANDLE_SETTLE_MS).isAfter(now);
    }

    /**
     * Fetches the gaps, one page after the other, and writes their months. On a failure the month in progress is
     * written before the failure is thrown.
     *
     * @throws ExchangeException  when the exchange failed (after its retries) or refused
     * @throws IOException        when a file cannot be written
     * @throws CandleDataException when a month's file to add to is not readable klines
     */
    void fetch(List<Gap> gaps, Listener listener) throws ExchangeException, IOException, CandleDataException {
        try {
            for (Gap gap : gaps) {
                fetch(gap, listener);
                months.write();
            }
        } catch (ExchangeException | RuntimeException e) {
            try {
                months.write();
            } catch (IOException | CandleDataException | RuntimeException w) {
                e.addSuppressed(w);
            }
            throw e;
        }
    }

    private void fetch(Gap gap, Listener listener) throws ExchangeException, IOException, CandleDataException {
        Instant since = gap.from();
        int pages = 0;
        while (since.isBefore(gap.to()) && isFinal(since, period, now)) {
            List<Candle> page = market.closedCandlesSince(symbol, period, since).orElseThrow(
                    () -> new IllegalStateException("the exchange has no " + period + " candles"));
            List<Candle> kept = new ArrayList<>(page.size());
            for (Candle c : page) {
                if (!c.start().isBefore(gap.to())) {
                    break;
                }
                kept.add(c);
            }
            months.add(kept);
            candles += kept.size();
            if (kept.isEmpty()) {
                return;
            }
            Instant last = kept.get(kept.size() - 1).start();
            listener.fetched(candles, last, months.written.size());
            if (kept.size() < page.size()) {
                return;
            }
            since = last.plus(period);
            if (++pages % CHECKPOINT_PAGES == 0) {
                months.write();
            }
        }
    }

    /** @return the candles fetched so far */
    long candles() {
        return candles;
    }

    /** @return the months whose files were written, oldest first */
    SortedSet<YearMonth> monthsWritten() {
        return Collections.unmodifiableSortedSet(months.written);
    }

    /** The month in progress: what its file held before, and what was fetched for it. */
    private final class Months {

        private YearMonth month;
        private List<Candle> held;
        private final List<Candle> fetched = new ArrayList<>();
        private final SortedSet<YearMonth> written = new TreeSet<>();

        void add(List<Candle> page) throws IOException, CandleDataException {
            for (Candle c : page) {
                YearMonth m = MonthlyCandleFiles.monthOf(c.start());
                if (!m.equals(month)) {
                    write();
                    month = m;
                    held = null;
                    fetched.clear();
                }
                fetched.add(c);
            }
        }

        /** Writes the month's file: what it held, with what was fetched for it in time order. */
        void write() throws IOException, CandleDataException {
            if (month == null || fetched.isEmpty()) {
                return;
            }
            if (held == null) {
                held = files.read(month);
            }
            files.write(month, merge(held, fetched));
            written.add(month);
        }
    }

    /** @return both lists, oldest first; a time in both is taken from {@code held} */
    static List<Candle> merge(List<Candle> held, List<Candle> fetched) {
        List<Candle> all = new ArrayList<>(held.size() + fetched.size());
        int h = 0;
        int f = 0;
        while (h < held.size() || f < fetched.size()) {
            if (f == fetched.size()) {
                all.add(held.get(h++));
            } else if (h == held.size()) {
                all.add(fetched.get(f++));
            } else {
                int order = held.get(h).start().compareTo(fetched.get(f).start());
                if (order <= 0) {
                    all.add(held.get(h++));
                    if (order == 0) {
                        f++;
                    }
                } else {
                    all.add(fetched.get(f++));
                }
            }
        }
        return all;
    }
}
