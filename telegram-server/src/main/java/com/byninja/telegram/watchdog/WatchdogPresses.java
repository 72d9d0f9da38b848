package com.byninja.telegram.watchdog;

import com.byninja.telegram.audit.AuditLog;
import com.byninja.telegram.telegram.ChatInput;
import com.byninja.telegram.telegram.Person;
import java.time.Instant;
import java.util.List;

/**
 * What the people in the allowed chats do, with the presses of the watchdog's own buttons taken out: those go to the
 * {@link Watchdog} (and to the audit log), everything else to {@code others} (the command router). The watchdog's
 * buttons run no command.
 */
public final class WatchdogPresses implements ChatInput {
    private final Watchdog watchdog;
    private final ChatInput others;
    private final AuditLog audit;

    public WatchdogPresses(Watchdog watchdog, ChatInput others, AuditLog audit) {
        this.watchdog = watchdog;
        this.others = others;
        this.audit = audit;
    }

    @Override
    public void typed(long chatId, Person from, String text, Instant sentAt) {
        others.typed(chatId, from, text, sentAt);
    }

    @Override
    public void pressed(ButtonPress press) {
        if (Watchdog.owns(press.data())) {
            audit.record(new AuditLog.Source(press.chatId(), press.from(), true), List.of(), AuditLog.Result.ANSWERED,
                    press.data(), "the watchdog's Acknowledge");
            watchdog.pressed(press);
        } else {
            others.pressed(press);
        }
    }
}
