package com.byninja.telegram.watchdog;

import com.byninja.telegram.telegram.ChatInput;
import java.time.Instant;

/**
 * What the people in the allowed chats do, with the presses of the watchdog's own buttons taken out: those go to the
 * {@link Watchdog}, everything else to {@code others} (the command router). The watchdog's buttons run no command.
 */
public final class WatchdogPresses implements ChatInput {
    private final Watchdog watchdog;
    private final ChatInput others;

    public WatchdogPresses(Watchdog watchdog, ChatInput others) {
        this.watchdog = watchdog;
        this.others = others;
    }

    @Override
    public void typed(long chatId, String text, Instant sentAt) {
        others.typed(chatId, text, sentAt);
    }

    @Override
    public void pressed(ButtonPress press) {
        if (Watchdog.owns(press.data())) {
            watchdog.pressed(press);
        } else {
            others.pressed(press);
        }
    }
}
