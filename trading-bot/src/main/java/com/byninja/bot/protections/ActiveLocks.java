package com.byninja.bot.protections;

import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.Symbol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The locks in force, at most one per protection and scope, until each is {@link #remove removed} once its end has
 * been recorded. Asked at every buy signal, so asking allocates nothing: without a lock it is one size check. Not
 * thread-safe: the trading thread owns it.
 */
public final class ActiveLocks {

    private final List<EntryLock> locks = new ArrayList<>();
    /** The earliest end among {@link #locks}; {@link Instant#MAX} without one. */
    private Instant firstEnd = Instant.MAX;

    /**
     * @return the lock that stops a strategy buy of {@code s} at {@code now}, the one that ends last when several do;
     *         null when none does
     */
    public EntryLock blocking(Symbol s, Instant now) {
        EntryLock found = null;
        for (int i = 0; i < locks.size(); i++) {
            EntryLock l = locks.get(i);
            if (l.locks(s, now) && (found == null || l.until().isAfter(found.until()))) {
                found = l;
            }
        }
        return found;
    }

    /**
     * Puts {@code lock} in force, in place of the one of its protection and scope if it ends later than that one.
     *
     * @return whether anything changed: false when a lock of its protection and scope ends as late or later
     */
    public boolean start(EntryLock lock) {
        for (int i = 0; i < locks.size(); i++) {
            EntryLock l = locks.get(i);
            if (l.sameScope(lock)) {
                if (!lock.until().isAfter(l.until())) {
                    return false;
                }
                locks.set(i, lock);
                firstEnd = firstEnd();
                return true;
            }
        }
        locks.add(lock);
        firstEnd = firstEnd();
        return true;
    }

    /**
     * Puts {@code lock} in force in place of the one of its kind and scope, whatever that one's end: a person's second
     * {@code /pause} replaces the first, shorter or longer.
     *
     * @return the lock replaced, or null when there was none
     */
    public EntryLock replace(EntryLock lock) {
        EntryLock before = find(lock.kind(), lock.symbol());
        if (before != null) {
            locks.remove(before);
        }
        locks.add(lock);
        firstEnd = firstEnd();
        return before;
    }

    /** @return the lock of {@code kind} on exactly {@code symbol} (null: every symbol), or null when there is none */
    public EntryLock find(EntryLock.Kind kind, Symbol symbol) {
        for (int i = 0; i < locks.size(); i++) {
            EntryLock l = locks.get(i);
            if (l.kind() == kind && Objects.equals(l.symbol(), symbol)) {
                return l;
            }
        }
        return null;
    }

    /** @return the locks that have ended by {@code now}, still held until removed; no allocation when none has. */
    public List<EntryLock> due(Instant now) {
        if (now.isBefore(firstEnd)) {
            return List.of();
        }
        List<EntryLock> due = new ArrayList<>(1);
        for (int i = 0; i < locks.size(); i++) {
            if (!now.isBefore(locks.get(i).until())) {
                due.add(locks.get(i));
            }
        }
        return due;
    }

    /** Forgets {@code lock}, whose end is recorded. */
    public void remove(EntryLock lock) {
        if (locks.remove(lock)) {
            firstEnd = firstEnd();
        }
    }

    /** @return the locks in force at {@code now}, by end. */
    public List<EntryLock> at(Instant now) {
        if (locks.isEmpty()) {
            return List.of();
        }
        List<EntryLock> active = new ArrayList<>(locks.size());
        for (EntryLock l : locks) {
            if (now.isBefore(l.until())) {
                active.add(l);
            }
        }
        active.sort(Comparator.comparing(EntryLock::until));
        return active;
    }

    /** @return the locks in force at {@code now} that stop a strategy buy of {@code s}, by end. */
    public List<EntryLock> on(Symbol s, Instant now) {
        List<EntryLock> on = new ArrayList<>();
        for (EntryLock l : at(now)) {
            if (l.locks(s, now)) {
                on.add(l);
            }
        }
        return on;
    }

    private Instant firstEnd() {
        Instant first = Instant.MAX;
        for (int i = 0; i < locks.size(); i++) {
            if (locks.get(i).until().isBefore(first)) {
                first = locks.get(i).until();
            }
        }
        return first;
    }
}
