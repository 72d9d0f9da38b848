package com.byninja.telegram.telegram;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The allow-list. A message from any other chat is ignored without a reply, and logged once per chat (the memory of
 * logged chats is bounded, so a flood of strangers cannot grow the heap).
 */
public final class AllowedChats {
    private static final Logger LOG = LoggerFactory.getLogger(AllowedChats.class);
    private static final int REMEMBERED_STRANGERS = 10_000;

    private final Set<Long> allowed;
    private final Map<Long, Boolean> strangersLogged = Collections.synchronizedMap(new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > REMEMBERED_STRANGERS;
        }
    });

    public AllowedChats(Iterable<Long> allowed) {
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        allowed.forEach(ids::add);
        this.allowed = Set.copyOf(ids);
    }

    /**
     * @param who a description of the sender for the log, such as {@code @name}
     * @return whether messages from this chat are acted on
     */
    public boolean admit(long chatId, String who) {
        if (allowed.contains(chatId)) {
            return true;
        }
        if (strangersLogged.put(chatId, Boolean.TRUE) == null) {
            LOG.warn("Ignoring messages from chat {} ({}): not in the allowed chats", chatId, who);
        }
        return false;
    }
}
