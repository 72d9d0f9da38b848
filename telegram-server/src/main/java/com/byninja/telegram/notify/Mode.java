package com.byninja.telegram.notify;

import java.util.Optional;

/** How a chat hears a {@link Topic}. */
public enum Mode {
    /** With a notification. */
    ON("on"),
    /** Without a notification: it arrives, the phone stays quiet. */
    SILENT("silent"),
    /** Not at all. */
    OFF("off");

    private final String word;

    Mode(String word) {
        this.word = word;
    }

    /** @return how a person writes it */
    public String word() {
        return word;
    }

    /** @return the mode after this one, as a button cycles them: on, silent, off, on */
    public Mode next() {
        return values()[(ordinal() + 1) % values().length];
    }

    /** @return the mode written {@code word}, in any case */
    public static Optional<Mode> of(String word) {
        for (Mode m : values()) {
            if (m.word.equalsIgnoreCase(word.trim())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
