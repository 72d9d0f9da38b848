package com.byninja.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the last alerts received from one bot. A client sends an alert again when it cannot know whether the
 * write that carried it completed; this is how the server recognises the second copy.
 */
final class RecentIds {
    private final Map<String, Boolean> ids;

    RecentIds(int capacity) {
        this.ids = new LinkedHashMap<>(capacity * 2, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return whether {@code id} is new; it is remembered either way. */
    synchronized boolean firstTime(String id) {
        return ids.put(id, Boolean.TRUE) == null;
    }
}
