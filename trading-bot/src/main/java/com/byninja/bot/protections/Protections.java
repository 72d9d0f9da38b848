package com.byninja.bot.protections;

import com.byninja.bot.config.Durations;
import com.byninja.bot.config.ProtectionSettings;
import com.byninja.bot.config.ProtectionSettings.LowProfitLock;
import com.byninja.bot.config.ProtectionSettings.MaxDrawdownLock;
import com.byninja.bot.config.ProtectionSettings.StopLossGuard;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.EntryLock.Kind;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The protections' rules: which locks on the strategy's entries the close of a trade calls for
 * (docs/strategies.md, "Protections"). Every lock starts at the close of the trade that called for it and ends on
 * a candle boundary of the timeframe (candles start at whole multiples of it since 1970-01-01 UTC), rounded up, so
 * that a candle's decision is locked or not whether it is taken the instant the candle closes (a backtest) or a few
 * seconds later (live):
 * <ul>
 *   <li>cooldown: the candle in which the position closed and the {@code cooldownCandles - 1} after it close locked;
 *       the lock ends at the close of the candle after those;</li>
 *   <li>stop-loss guard: at a stop-loss (or a trailing stop at a loss) closed at {@code t}, the stops closed after
 *       {@code t - window} and up to {@code t} (on its symbol, or on all) are counted; {@code stopLosses} of them
 *       lock until {@code t + lock};</li>
 *   <li>max drawdown: at any close, the realised equity track over the window (the equity now, less the PnL of the
 *       trades closed in the window, then each of them added back in the order they closed) is read; the equity now
 *       {@code drawdownPct} % or more below the highest point of that track locks every symbol until
 *       {@code t + lock};</li>
 *   <li>low profit: at a close on a symbol, its trades closed in the window lost, together, {@code lossPct} % or more
 *       of what their entries cost (entry cost plus entry fees, summed): the symbol is locked until
 *       {@code t + lock}.</li>
 * </ul>
 *
 * <p>It keeps the trades closed within its longest window, oldest first. It reads no clock: every time is a trade's.
 * Not thread-safe: the trading thread owns it.
 */
public final class Protections {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ProtectionSettings settings;
    private final Duration timeframe;
    private final long frameMs;
    /** How long trades are kept for the windows; zero when no window protection is on. */
    private final Duration window;
    /** Trades closed within {@link #window} of the latest, by close. */
    private final List<ClosedTrade> recent = new ArrayList<>();

    /**
     * @param settings  {@code protections.*}
     * @param timeframe the candles' length, which the cooldown counts in and every lock's end is rounded up to
     */
    public Protections(ProtectionSettings settings, Duration timeframe) {
        this.settings = settings;
        this.timeframe = timeframe;
        this.frameMs = timeframe.toMillis();
        Duration longest = Duration.ZERO;
        if (settings.stopLossGuard().on()) {
            longest = max(longest, settings.stopLossGuard().window());
        }
        if (settings.maxDrawdownLock().on()) {
            longest = max(longest, settings.maxDrawdownLock().window());
        }
        if (settings.lowProfitLock().on()) {
            longest = max(longest, settings.lowProfitLock().window());
        }
        this.window = longest;
    }

    /** @return whether any protection is on. */
    public boolean any() {
        return settings.any();
    }

    /**
     * @return how far back from now the trades reach that could still call for a lock: the longest window, and the
     *         cooldown's candles and one more
     */
    public Duration lookback() {
        return max(window, timeframe.multipliedBy(settings.cooldownCandles() + 1L));
    }

    /** Keeps trades closed before, oldest first, for the windows: those the journal holds at start. */
    public void remember(List<ClosedTrade> trades) {
        for (int i = 0; i < trades.size(); i++) {
            remember(trades.get(i));
        }
    }

    /**
     * A trade closed (a sell filled): it is kept for the windows, and the locks it calls for are returned, each from
     * its close. A lock that would have ended already (a fill found late) is among them: the caller drops it.
     *
     * @param positionClosed whether it closed the whole position: only then does the cooldown start
     * @param equity         the realised equity after it, asked only when the max drawdown lock is on
     */
    public List<EntryLock> onTradeClosed(ClosedTrade t, boolean positionClosed, Supplier<BigDecimal> equity) {
        remember(t);
        return locksFor(t, positionClosed, equity);
    }

    /**
     * @return the locks {@code t}, kept already, calls for, as if it had just closed: at start, for the last trade,
     *         whose lock a crash may have kept from being written
     */
    public List<EntryLock> locksFor(ClosedTrade t, boolean positionClosed, Supplier<BigDecimal> equity) {
        List<EntryLock> locks = new ArrayList<>(1);
        if (positionClosed && settings.cooldownCandles() > 0) {
            locks.add(cooldown(t));
        }
        if (settings.stopLossGuard().on() && isStop(t)) {
            EntryLock guard = stopLossGuard(t, settings.stopLossGuard());
            if (guard != null) {
                locks.add(guard);
            }
        }
        if (settings.maxDrawdownLock().on()) {
            EntryLock drawdown = maxDrawdown(t, settings.maxDrawdownLock(), equity.get());
            if (drawdown != null) {
                locks.add(drawdown);
            }
        }
        if (settings.lowProfitLock().on()) {
            EntryLock lowProfit = lowProfit(t, settings.lowProfitLock());
            if (lowProfit != null) {
                locks.add(lowProfit);
            }
        }
        return locks;
    }

    private EntryLock cooldown(ClosedTrade t) {
        int n = settings.cooldownCandles();
        long closedMs = t.closedAt().toEpochMilli();
        long candleEnd = Math.floorDiv(closedMs, frameMs) * frameMs + frameMs;
        Instant until = Instant.ofEpochMilli(candleEnd + n * frameMs);
        return new EntryLock(Kind.COOLDOWN, t.symbol(), t.closedAt(), until, "its position closed at "
                + EntryLock.time(t.closedAt(), t.closedAt()) + " by " + by(t.exitPurpose()) + "; cooldown " + n
                + (n == 1 ? " candle" : " candles") + " of " + Durations.format(timeframe));
    }

    /** @return what sold a position, for people: {@code the stop-loss}, {@code the strategy's exit}. */
    private static String by(Purpose exit) {
        return switch (exit) {
            case STOP_LOSS -> "the stop-loss";
            case TAKE_PROFIT -> "the take-profit";
            case TRAILING_STOP -> "the trailing stop";
            case EXIT -> "the strategy's exit";
            case FORCE_SELL -> "/forcesell";
            default -> exit.label();
        };
    }

    /** @return whether {@code t} counts as a stop-loss: the stop-loss sold it, or the trailing stop did at a loss. */
    static boolean isStop(ClosedTrade t) {
        return t.exitPurpose() == Purpose.STOP_LOSS
                || t.exitPurpose() == Purpose.TRAILING_STOP && t.realisedPnl().signum() < 0;
    }

    private EntryLock stopLossGuard(ClosedTrade t, StopLossGuard guard) {
        Instant from = t.closedAt().minus(guard.window());
        Symbol only = guard.perSymbol() ? t.symbol() : null;
        int stops = 0;
        for (int i = 0; i < recent.size(); i++) {
            ClosedTrade r = recent.get(i);
            if (inWindow(r, from, t) && isStop(r) && (only == null || r.symbol().equals(only))) {
                stops++;
            }
        }
        if (stops < guard.stopLosses()) {
            return null;
        }
        String what = stops + " stop-losses" + (only == null ? "" : " on " + only) + " within "
                + Durations.format(guard.window()) + ", the last" + (only == null ? " on " + t.symbol() : "") + " at "
                + EntryLock.time(t.closedAt(), t.closedAt());
        return new EntryLock(Kind.STOP_LOSS_GUARD, only, t.closedAt(), lockEnd(t, guard.lock()), what);
    }

    private EntryLock maxDrawdown(ClosedTrade t, MaxDrawdownLock rule, BigDecimal equityNow) {
        Instant from = t.closedAt().minus(rule.window());
        BigDecimal pnl = BigDecimal.ZERO;
        for (int i = 0; i < recent.size(); i++) {
            ClosedTrade r = recent.get(i);
            if (inWindow(r, from, t)) {
                pnl = pnl.add(r.realisedPnl());
            }
        }
        BigDecimal point = equityNow.subtract(pnl);
        BigDecimal high = point;
        for (int i = 0; i < recent.size(); i++) {
            ClosedTrade r = recent.get(i);
            if (inWindow(r, from, t)) {
                point = point.add(r.realisedPnl());
                high = high.max(point);
            }
        }
        BigDecimal fall = high.subtract(equityNow);
        // fall / high >= pct / 100, without a division
        if (high.signum() <= 0 || fall.multiply(HUNDRED).compareTo(rule.drawdownPct().multiply(high)) < 0) {
            return null;
        }
        String quote = t.symbol().quote();
        String what = "the realised equity of " + Money.quote(equityNow) + " " + quote + " is "
                + percent(fall, high) + " % below its high of " + Money.quote(high) + " " + quote + " within "
                + Durations.format(rule.window()) + " (limit " + rule.drawdownPct().toPlainString() + " %)";
        return new EntryLock(Kind.MAX_DRAWDOWN, null, t.closedAt(), lockEnd(t, rule.lock()), what);
    }

    private EntryLock lowProfit(ClosedTrade t, LowProfitLock rule) {
        Instant from = t.closedAt().minus(rule.window());
        BigDecimal pnl = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        int trades = 0;
        for (int i = 0; i < recent.size(); i++) {
            ClosedTrade r = recent.get(i);
            if (inWindow(r, from, t) && r.symbol().equals(t.symbol())) {
                pnl = pnl.add(r.realisedPnl());
                cost = cost.add(r.entryCost()).add(r.entryFees());
                trades++;
            }
        }
        BigDecimal loss = pnl.negate();
        // loss / cost >= pct / 100, without a division
        if (cost.signum() <= 0 || loss.multiply(HUNDRED).compareTo(rule.lossPct().multiply(cost)) < 0) {
            return null;
        }
        String quote = t.symbol().quote();
        String what = "its " + trades + (trades == 1 ? " trade" : " trades") + " within "
                + Durations.format(rule.window()) + " lost " + Money.quote(loss) + " " + quote + ", "
                + percent(loss, cost) + " % of the " + Money.quote(cost) + " " + quote + " their entries cost (limit "
                + rule.lossPct().toPlainString() + " %)";
        return new EntryLock(Kind.LOW_PROFIT, t.symbol(), t.closedAt(), lockEnd(t, rule.lock()), what);
    }

    /** @return whether {@code r} closed after {@code from} and no later than {@code t}. */
    private static boolean inWindow(ClosedTrade r, Instant from, ClosedTrade t) {
        return r.closedAt().isAfter(from) && !r.closedAt().isAfter(t.closedAt());
    }

    /** @return {@code lock} after the close of {@code t}, rounded up to a candle boundary. */
    private Instant lockEnd(ClosedTrade t, Duration lock) {
        long end = t.closedAt().plus(lock).toEpochMilli();
        return Instant.ofEpochMilli(-Math.floorDiv(-end, frameMs) * frameMs);
    }

    private void remember(ClosedTrade t) {
        if (window.isZero()) {
            return;
        }
        // By close: a fill found late (after a restart) goes where it belongs.
        int at = recent.size();
        while (at > 0 && recent.get(at - 1).closedAt().isAfter(t.closedAt())) {
            at--;
        }
        recent.add(at, t);
        Instant latest = recent.get(recent.size() - 1).closedAt();
        Instant cutoff = latest.minus(window);
        int old = 0;
        while (old < recent.size() && !recent.get(old).closedAt().isAfter(cutoff)) {
            old++;
        }
        if (old > 0) {
            recent.subList(0, old).clear();
        }
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
