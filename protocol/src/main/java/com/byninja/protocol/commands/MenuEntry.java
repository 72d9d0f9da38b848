package com.byninja.protocol.commands;

/**
 * One entry of the command menu a chat app offers, as Telegram's {@code setMyCommands} takes it.
 *
 * @param command     the command's name, without slash, such as {@code forcebuy}
 * @param description its arguments, then what it does, such as {@code SYMBOL [AMOUNT] - buy now, ...};
 *                    at most 256 characters
 */
public record MenuEntry(String command, String description) {
}
