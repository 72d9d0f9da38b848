package com.byninja.bot.link;

import com.byninja.bot.domain.Money;
import com.byninja.bot.engine.Trader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the commands about the bot itself, rather than its trading, read: {@code health}, {@code logs},
 * {@code version}, and {@code reload}'s reading of the configuration file.
 *
 * @param health  the link, the exchange's latency, the queues, drops and errors
 * @param logs    the last warning and error lines
 * @param version the build, Java, uptime and schema
 * @param reloads reads the configuration file again
 */
public record BotOperations(HealthReport health, LogsReport logs, VersionReport version, ConfigReloads reloads) {

    /**
     * @return the operations of a trader alone, without a link, a log ring, timed exchange calls or a configuration
     *         file, such as a test's: each answers with what it knows
     */
    public static BotOperations of(Trader trader, BotInfo info) {
        Clock clock = trader.clock();
        ObjectNode noLink = Money.object();
        noLink.put("state", "disabled");
        return new BotOperations(
                new HealthReport(() -> noLink, Money::object, List::of, null, trader::latest, s -> null, clock),
                new LogsReport(new RecentLogs(), clock),
                new VersionReport(new BuildInfo(info.version(), Optional.empty(), Optional.empty()), info.startedAt(),
                        OptionalInt.empty(), clock),
                ConfigReloads.none());
    }
}
