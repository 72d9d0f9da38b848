package com.byninja.bot.engine.port;

import java.util.Objects;

/**
 * The journals the engine writes to and restores from, as one value for wiring: the SQLite store for trading, the
 * in-memory journal for replaying history.
 */
public record Journals(OrderJournal orders, PositionJournal positions, ControlJournal control,
                       DecisionJournal decisions, LockJournal locks, EquityJournal equity) {

    public Journals {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(decisions, "decisions");
        Objects.requireNonNull(locks, "locks");
        Objects.requireNonNull(equity, "equity");
    }

    /** @return these journals with {@code other} in place of the decision journal, such as one that fails. */
    public Journals withDecisions(DecisionJournal other) {
        return new Journals(orders, positions, control, other, locks, equity);
    }

    /** @return these journals with {@code other} in place of the lock journal. */
    public Journals withLocks(LockJournal other) {
        return new Journals(orders, positions, control, decisions, other, equity);
    }

    /** @return the journals of one store that implements them all. */
    public static <T extends OrderJournal & PositionJournal & ControlJournal & DecisionJournal & LockJournal
            & EquityJournal> Journals of(T store) {
        return new Journals(store, store, store, store, store, store);
    }
}
