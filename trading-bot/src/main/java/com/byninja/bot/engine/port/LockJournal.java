package com.byninja.bot.engine.port;

import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.OutboxAlert;
import java.sql.SQLException;
import java.util.List;

/**
 * The protections' locks on the strategy's entries, kept across restarts: at most one per protection and scope
 * (symbol, or all symbols). Each lock is written with the alert announcing it and forgotten with the alert announcing
 * its end, in one transaction each, so that each is announced once, whatever stops the bot in between. A write that
 * throws changed nothing.
 */
public interface LockJournal {

    /** Saves a lock that starts, in place of the one of its protection and scope, with the alerts announcing it. */
    void saveLock(EntryLock lock, List<OutboxAlert> alerts) throws SQLException;

    /**
     * Forgets a lock that ended, with the alerts announcing its end.
     *
     * @return whether it was saved (same protection, scope and end); when not, nothing is written, its alerts neither
     */
    boolean endLock(EntryLock lock, List<OutboxAlert> alerts) throws SQLException;

    /** @return the saved locks, ended or not, by end, then protection, then scope. */
    List<EntryLock> locks() throws SQLException;
}
