package com.byninja.telegram.telegram;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The allow-list. A message from any other chat is ignored without a reply, and logged once per chat; a button press
 * that is not allowed is ignored without an answer, and logged once per user (the memory of logged chats and users is
 * bounded, so a flood of strangers cannot grow the heap).
 */
public final class AllowedChats {
    private static final Logger LOG = LoggerFactory.getLogger(AllowedChats.class);
    private static final int REMEMBERED_STRANGERS = 10_000;

    private final Set<Long> allowed;
    private final Map<Long, Boolean> strangersLogged = bounded();
    private final Map<Long, Boolean> pressersLogged = bounded();

    public AllowedChats(Iterable<Long> allowed) {
        Set<Long> ids = new LinkedHashSet<>();
        allowed.forEach(ids::add);
        this.allowed = Set.copyOf(ids);
    }

    private static Map<Long, Boolean> bounded() {
        return Collections.synchronizedMap(new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > REMEMBERED_STRANGERS;
            }
        });
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

    /**
     * A press of one of our buttons counts when the message it is on is in an allowed chat and, in a private chat,
     * when that chat's own user pressed it; in a group, any member may press, as any member may type a command. A
     * press on a message without a chat (an inline message) counts only when its user's own chat is allowed.
     *
     * @param chatId      the chat of the message the button is on, or null when there is none
     * @param privateChat whether that chat is a private one
     * @param userId      who pressed
     * @param who         a description of that user for the log, such as {@code @name}
     * @return whether the press is acted on
     */
    public boolean admitPress(Long chatId, boolean privateChat, long userId, String who) {
        boolean admitted = chatId == null ? allowed.contains(userId)
                : allowed.contains(chatId) && (!privateChat || chatId == userId);
        if (!admitted && pressersLogged.put(userId, Boolean.TRUE) == null) {
            LOG.warn("Ignoring button presses of user {} ({}) in chat {}: not allowed", userId, who,
                    chatId == null ? "none" : chatId);
        }
        return admitted;
    }
}
