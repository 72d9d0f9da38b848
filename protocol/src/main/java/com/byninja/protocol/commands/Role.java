package com.byninja.protocol.commands;

import java.util.Locale;

/** What a chat must be allowed to do to run a command; each role may do what the roles before it may. */
public enum Role {
    /** Reads state and changes nothing on a trading bot. */
    VIEWER,
    /** Steers trading: the strategy's switches and orders by hand. */
    TRADER,
    /** Administers the bots themselves. */
    ADMIN;

    /** @return how messages and the configuration name it: {@code viewer}, {@code trader} or {@code admin} */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
