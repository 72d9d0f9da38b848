package com.byninja.bot.link;

import java.time.Instant;

/**
 * Who this bot is, for {@code status}.
 *
 * @param name      the bot's name
 * @param version   the build's version
 * @param exchange  the exchange's name, such as {@code simulated}
 * @param mode      {@code paper} or {@code live}
 * @param timeframe the candle length, such as {@code 1m}
 * @param startedAt when the process started trading
 */
public record BotInfo(String name, String version, String exchange, String mode, String timeframe,
                      Instant startedAt) {
}
