package com.byninja.bot.engine;

import com.byninja.bot.domain.ExecutionReport.Refusal;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import com.byninja.runtime.Backoff;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How protective exits (stop-loss, take-profit, minimal ROI, trailing stop) are tried again, per symbol, from the
 * first trigger until the position is sold or gone: an episode.
 * <ul>
 *   <li>The trigger is announced once per episode, not on every try.</li>
 *   <li>An exit that never reached the exchange (cut off, lost and not found) is sent again at the next check.</li>
 *   <li>An exit the exchange refused is tried again after a growing delay ({@value #FIRST_DELAY_MS} ms, doubling,
 *       at most {@value #MAX_DELAY_MS} ms); the first refusal of an episode is announced, and so is the success that
 *       ends it.</li>
 *   <li>A refusal for insufficient balance is checked again after {@value #BALANCE_RECHECK_MS} ms, once fresh
 *       balances have come in, since the quantity is then matched to what the account holds.</li>
 * </ul>
 * Owned by the trading thread.
 */
final class ExitRetries {

    static final long FIRST_DELAY_MS = 10_000;
    static final long MAX_DELAY_MS = 600_000;
    static final long BALANCE_RECHECK_MS = 2_000;

    private static final class Episode {
        boolean triggerAnnounced;
        boolean refusalAnnounced;
        int refusals;
        final Backoff backoff = Backoff.of(FIRST_DELAY_MS, MAX_DELAY_MS);
        Instant nextTry = Instant.MIN;
    }

    private final Map<Symbol, Episode> episodes = new HashMap<>();

    /** @return whether an exit of {@code s} may be sent now. */
    boolean due(Symbol s, Instant now) {
        Episode e = episodes.get(s);
        return e == null || !now.isBefore(e.nextTry);
    }

    /** @return true the first time an exit triggers in this episode: announce it. */
    boolean firstTrigger(Symbol s) {
        Episode e = episodes.computeIfAbsent(s, k -> new Episode());
        boolean first = !e.triggerAnnounced;
        e.triggerAnnounced = true;
        return first;
    }

    /** The exit never reached the exchange: send it again at the next check. */
    void notPlaced(Symbol s) {
        episodes.computeIfAbsent(s, k -> new Episode()).nextTry = Instant.MIN;
    }

    /**
     * The exchange refused the exit.
     *
     * @return true when this is the episode's first refusal: announce it
     */
    boolean refused(Symbol s, Refusal refusal, Instant now) {
        Episode e = episodes.computeIfAbsent(s, k -> new Episode());
        e.refusals++;
        if (refusal == Refusal.INSUFFICIENT_BALANCE && e.refusals == 1) {
            e.nextTry = now.plusMillis(BALANCE_RECHECK_MS);
        } else {
            e.nextTry = now.plusMillis(e.backoff.next());
        }
        boolean first = !e.refusalAnnounced;
        e.refusalAnnounced = true;
        return first;
    }

    /** @return milliseconds until the next try of {@code s}, 0 when it may go now. */
    long waitMs(Symbol s, Instant now) {
        Episode e = episodes.get(s);
        return e == null || !now.isBefore(e.nextTry) ? 0 : java.time.Duration.between(now, e.nextTry).toMillis();
    }

    /**
     * The position was sold or is gone: the episode ends.
     *
     * @return how many refusals the episode had, to announce a recovery after any
     */
    int end(Symbol s) {
        Episode e = episodes.remove(s);
        return e == null ? 0 : e.refusals;
    }

    /** @return whether a purpose is a protective exit, which this governs. */
    static boolean isProtective(Purpose p) {
        return p == Purpose.STOP_LOSS || p == Purpose.TAKE_PROFIT || p == Purpose.TRAILING_STOP
                || p == Purpose.MINIMAL_ROI;
    }
}
