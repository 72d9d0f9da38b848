package com.byninja.protocol.commands;

/** Who answers a command. */
public enum HandledBy {
    /** A trading bot: the control server sends the command over the link as a {@code command} frame. */
    TRADING_BOT,
    /** The control server itself, such as {@code /help}: nothing goes over the link. */
    SERVER
}
