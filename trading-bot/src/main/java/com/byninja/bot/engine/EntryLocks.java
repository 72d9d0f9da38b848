package com.byninja.bot.engine;

import com.byninja.bot.config.ProtectionSettings;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.OutboxAlert;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.LockJournal;
import com.byninja.bot.protections.ActiveLocks;
import com.byninja.bot.protections.Protections;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protections at work: after each trade that closes, the locks its {@link Protections} call for start, each
 * written to the {@link LockJournal} with its alert; at each check the locks whose time is up end, each forgotten
 * with the alert announcing it; the strategy asks {@link #blocking} before it buys. A lock whose write fails still
 * locks (better too careful than not); an end whose write fails is tried again at the next check, and the lock stops
 * locking meanwhile. Owned by the trading thread.
 */
final class EntryLocks {

    private static final Logger LOG = LoggerFactory.getLogger(Trader.class);
    private static final int LOG_EVERY = 1000;

    private final TradingContext ctx;
    private final LockJournal journal;
    private Protections rules;
    private final ActiveLocks active = new ActiveLocks();
    private long endFailures;

    private EntryLocks(TradingContext ctx) {
        this.ctx = ctx;
        this.journal = ctx.journals.locks();
        this.rules = new Protections(ctx.config.protections(), ctx.config.timeframe());
    }

    /**
     * The locks as the journal left them: those still in force lock again, those that ended while the bot was stopped
     * end now, announced as such. The protections then read the trades closed within their windows, and look again at
     * the last one, so that a lock a crash kept from being written after its trade was recorded starts now.
     *
     * @throws SQLException when the journal cannot be read; the bot does not start then, as with its other journals
     */
    static EntryLocks restore(TradingContext ctx) throws SQLException {
        EntryLocks locks = new EntryLocks(ctx);
        Instant now = ctx.clock.instant();
        for (EntryLock l : locks.journal.locks()) {
            if (now.isBefore(l.until())) {
                locks.active.start(l);
                LOG.info("{} on {} from before the restart: no strategy entry until {}: {}", l.kind().label(),
                        l.scopeText(), EntryLock.time(l.until(), now), l.reason());
            } else {
                locks.end(l, true);
            }
        }
        if (locks.rules.any()) {
            List<ClosedTrade> recent = ctx.journals.positions().closedTrades(null, now.minus(locks.rules.lookback()));
            locks.rules.remember(recent);
            if (!recent.isEmpty()) {
                ClosedTrade last = recent.get(recent.size() - 1);
                for (EntryLock l : locks.rules.locksFor(last, ctx.positions.get(last.symbol()).isEmpty(),
                        locks::equity)) {
                    locks.start(l);
                }
            }
        }
        return locks;
    }

    /**
     * The protections' rules of {@code settings}, ready to take over: they know the trades closed within their
     * windows, read from the journal, so that the next close is judged as if they had run all along. The locks in
     * force are left to end at their time.
     *
     * @throws SQLException when the closed trades cannot be read
     */
    Protections rulesFor(ProtectionSettings settings) throws SQLException {
        Protections next = new Protections(settings, ctx.config.timeframe());
        if (next.any()) {
            next.remember(ctx.journals.positions().closedTrades(null, ctx.clock.instant().minus(next.lookback())));
        }
        return next;
    }

    /** From now, the locks trades call for are {@code next}'s ({@link #rulesFor}). */
    void use(Protections next) {
        this.rules = next;
    }

    /** A sell filled and is recorded, the book and the balances follow it: the locks its trade calls for start. */
    void onTradeClosed(ClosedTrade trade, boolean positionClosed) {
        if (!rules.any()) {
            return;
        }
        List<EntryLock> called = rules.onTradeClosed(trade, positionClosed, this::equity);
        for (int i = 0; i < called.size(); i++) {
            start(called.get(i));
        }
    }

    /** Ends, and announces, the locks whose time is up. */
    void expire() {
        List<EntryLock> due = active.due(ctx.clock.instant());
        for (int i = 0; i < due.size(); i++) {
            end(due.get(i), false);
        }
    }

    /** @return the lock that stops a strategy buy of {@code s} now, or null; allocates nothing. */
    EntryLock blocking(Symbol s) {
        return active.blocking(s, ctx.clock.instant());
    }

    /** @return the locks in force now, by end. */
    List<EntryLock> now() {
        return active.at(ctx.clock.instant());
    }

    /** @return the locks in force now that stop the strategy buying {@code s}, by end. */
    List<EntryLock> on(Symbol s) {
        return active.on(s, ctx.clock.instant());
    }

    /**
     * @return whether {@code lock}'s start and end are alerts: a cooldown, which follows every closed trade, only with
     *         {@code protections.announceCooldown}
     */
    private boolean announced(EntryLock lock) {
        return lock.kind() != EntryLock.Kind.COOLDOWN || ctx.config.protections().announceCooldown();
    }

    /** Puts {@code lock} in force and records it with its alert, unless it ended already or changes nothing. */
    private void start(EntryLock lock) {
        Instant now = ctx.clock.instant();
        if (!now.isBefore(lock.until()) || !active.start(lock)) {
            return;
        }
        if (LOG.isInfoEnabled()) {
            LOG.info("{} on {}: no strategy entry until {}: {}", lock.kind().label(), lock.scopeText(),
                    EntryLock.time(lock.until(), now), lock.reason());
        }
        List<OutboxAlert> alert = announced(lock) ? List.of(ctx.alerts.locked(lock)) : List.of();
        try {
            journal.saveLock(lock, alert);
        } catch (SQLException e) {
            LOG.error("could not record the {}; it locks until {} all the same, and is forgotten if the bot stops "
                    + "before", lock.describe(now), lock.until(), e);
        }
        ctx.alerts.sink().deliver(alert);
    }

    /**
     * A person's {@code /pause}: the strategy buys nothing on {@code symbol} (every symbol when null) until
     * {@code until}, in place of the pause of that scope if there is one. Recorded before it takes effect, without an
     * alert: the reply says it; its end is announced.
     *
     * @return the pause, and the one it replaces if any
     * @throws SQLException when it could not be recorded; nothing changed then
     */
    Trader.Paused pause(Symbol symbol, Instant until, String reason) throws SQLException {
        EntryLock pause = new EntryLock(EntryLock.Kind.PAUSE, symbol, ctx.clock.instant(), until, reason);
        journal.saveLock(pause, List.of());
        EntryLock replaced = active.replace(pause);
        LOG.info("{} on {}: no strategy entry until {}: {}", pause.kind().label(), pause.scopeText(),
                EntryLock.time(until, ctx.clock.instant()), reason);
        return new Trader.Paused(pause, Optional.ofNullable(replaced));
    }

    /**
     * Ends the pause of exactly {@code symbol}'s scope (every symbol's when null) before its time, without an alert:
     * the reply to the command that ended it says so.
     *
     * @return the pause ended, empty when there was none
     * @throws SQLException when its end could not be recorded; it goes on then
     */
    Optional<EntryLock> endPause(Symbol symbol) throws SQLException {
        EntryLock pause = active.find(EntryLock.Kind.PAUSE, symbol);
        if (pause == null) {
            return Optional.empty();
        }
        journal.endLock(pause, List.of());
        active.remove(pause);
        LOG.info("{} on {} ended by command, before {}", pause.kind().label(), pause.scopeText(),
                EntryLock.time(pause.until(), ctx.clock.instant()));
        return Optional.of(pause);
    }

    /** @return whether the buy switches keep the strategy from buying on {@code lock}'s scope, pause or not */
    private boolean buyingDisabled(EntryLock lock) {
        return !ctx.control.global().buy() || lock.symbol() != null && !ctx.control.of(lock.symbol()).buy();
    }

    /** Forgets {@code lock}, whose time is up, with the alert announcing its end, once. */
    private void end(EntryLock lock, boolean whileStopped) {
        List<OutboxAlert> alert = announced(lock) ? List.of(ctx.alerts.unlocked(lock, whileStopped,
                lock.kind() == EntryLock.Kind.PAUSE && buyingDisabled(lock))) : List.of();
        boolean recorded;
        try {
            recorded = journal.endLock(lock, alert);
        } catch (SQLException e) {
            endFailures++;
            if (endFailures == 1 || endFailures % LOG_EVERY == 0) {
                LOG.warn("could not record the end of the {} ({} failure(s) so far); it no longer locks, and its end "
                        + "is tried again: {}", lock.describe(ctx.clock.instant()), endFailures, e.getMessage());
            }
            return;
        }
        active.remove(lock);
        if (recorded) {
            if (LOG.isInfoEnabled()) {
                LOG.info("{} on {} ended{}", lock.kind().label(), lock.scopeText(),
                        whileStopped ? " while the bot was stopped" : "");
            }
            ctx.alerts.sink().deliver(alert);
        }
    }

    /**
     * @return the realised equity: the free quote balance plus what the open positions cost, fees included; it moves
     *         only when a trade closes, by its PnL
     */
    private BigDecimal equity() {
        BigDecimal equity = ctx.balances.free(ctx.config.quoteCurrency());
        for (Position p : ctx.positions.all().values()) {
            equity = equity.add(p.costBasis());
        }
        return equity;
    }
}
