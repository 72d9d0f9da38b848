package com.byninja.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a server knows of the last alerts received from one bot: received and still being delivered, or delivered
 * (acknowledged). A client sends an alert again on every new connection until it is acknowledged; this is how the
 * server tells a copy from a new alert. Bounded: the oldest ids are forgotten first. Thread-safe.
 */
final class AlertLedger {
    /** What a server does with an alert that has just arrived. */
    enum Arrival {
        /** Not seen before, or forgotten: route it. */
        NEW,
        /** A copy of one received and still being delivered: ignore it, its {@code ack} will follow. */
        IN_PROGRESS,
        /** A copy of one already delivered: acknowledge it again at once, and do not route it. */
        DELIVERED
    }

    private final Map<String, Boolean> ids;

    /** @param capacity how many ids are remembered */
    AlertLedger(int capacity) {
        this.ids = new LinkedHashMap<>(capacity * 2, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records the arrival of alert {@code id}. @return what to do with it */
    synchronized Arrival arrived(String id) {
        Boolean done = ids.putIfAbsent(id, Boolean.FALSE);
        if (done == null) {
            return Arrival.NEW;
        }
        return done ? Arrival.DELIVERED : Arrival.IN_PROGRESS;
    }

    /** Marks alert {@code id} delivered, remembering it if it had been forgotten. */
    synchronized void delivered(String id) {
        ids.put(id, Boolean.TRUE);
    }

    /**
     * Forgets alert {@code id} if it was received but not delivered, so that the copy its bot sends again is routed.
     *
     * @return whether it was forgotten
     */
    synchronized boolean undelivered(String id) {
        return ids.remove(id, Boolean.FALSE);
    }
}
