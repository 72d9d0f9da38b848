package com.byninja.bot.link;

import com.byninja.bot.config.ConfigChanges;
import com.byninja.bot.config.Reread;
import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.Trader;
import com.byninja.bot.link.StatusReport.Report;
import com.byninja.protocol.Message;
import com.byninja.protocol.commands.ArgumentKind;
import com.byninja.protocol.commands.ParsedCommand;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers of {@code pause} and {@code reload}, and what {@code enablebuy} says of the pauses it ends or leaves.
 * Runs on the trading thread, as {@link CommandHandler} does.
 */
final class ControlCommands {

    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);

    private final Trader trader;
    private final ConfigReloads reloads;

    /** @param reloads reads the configuration again; null for a handler that is never asked to */
    ControlCommands(Trader trader, ConfigReloads reloads) {
        this.trader = trader;
        this.reloads = reloads;
    }

    /**
     * {@code pause}: the strategy's buying off for the duration, in place of a pause of the same scope.
     *
     * @throws SQLException when the pause could not be saved; nothing changed then
     */
    Report pause(ParsedCommand command, Symbol symbol) throws SQLException {
        Duration duration = command.duration().orElseThrow();
        Instant now = trader.clock().instant();
        // A pause ends on a whole minute, which a person reads at a glance: /pause 4h at 10:03:17 ends at 14:04.
        Instant end = now.plus(duration);
        Instant minute = end.truncatedTo(ChronoUnit.MINUTES);
        Trader.Paused paused = trader.pause(symbol, Duration.between(now,
                minute.equals(end) ? end : minute.plus(1, ChronoUnit.MINUTES)));
        EntryLock p = paused.pause();
        String length = command.text(ArgumentKind.DURATION).orElseThrow();
        String scope = symbol == null ? "on every symbol" : "for " + symbol;
        StringBuilder text = new StringBuilder("Buying paused ").append(scope).append(" until ")
                .append(EntryLock.time(p.until(), now)).append(" (").append(length).append("): the strategy opens no "
                        + "position; ").append(trader.protectiveExits()
                        ? "its exits, stop-loss, take-profit and the trailing stop go on"
                        : "its exits go on (protective exits are off: risk.protectiveExits is false)")
                .append(", and /forcebuy still works. Buying resumes by itself at the end; /enablebuy")
                .append(symbol == null ? "" : " " + symbol).append(" ends the pause sooner.");
        paused.replaced().ifPresent(r -> text.append(" It replaces the pause that was to end at ")
                .append(EntryLock.time(r.until(), now)).append('.'));
        boolean buyOff = !trader.control().global().buy() || symbol != null && !trader.control().of(symbol).buy();
        if (buyOff) {
            text.append(" Buying is disabled there as well (/disablebuy): it stays off after the pause until "
                    + "/enablebuy.");
        }
        ObjectNode data = Money.object();
        data.put("scope", symbol == null ? "all" : symbol.toString());
        data.put("since", p.since().toString());
        data.put("until", p.until().toString());
        data.put("duration", length);
        paused.replaced().ifPresentOrElse(r -> data.put("replacedUntil", r.until().toString()),
                () -> data.putNull("replacedUntil"));
        data.put("buyDisabled", buyOff);
        return new Report(text.toString(), data);
    }

    /**
     * @return what {@code enablebuy} did to the pauses: {@code " The buying pause until 14:00 UTC is over."} for the one
     *         it ended, and the pauses that still keep the strategy from buying where it was asked to
     */
    String pausesAfterEnablebuy(Symbol symbol, Optional<EntryLock> ended) {
        Instant now = trader.clock().instant();
        StringBuilder text = new StringBuilder();
        ended.ifPresent(p -> text.append(" The buying pause until ").append(EntryLock.time(p.until(), now))
                .append(" is over."));
        for (EntryLock p : trader.pauses()) {
            if (symbol != null && p.symbol() == null) {
                text.append(" Buying is still paused on every symbol until ").append(EntryLock.time(p.until(), now))
                        .append("; /enablebuy without a symbol ends that pause.");
            } else if (symbol == null && p.symbol() != null) {
                text.append(" ").append(p.symbol()).append(" stays paused until ")
                        .append(EntryLock.time(p.until(), now)).append(" (/enablebuy ").append(p.symbol())
                        .append(" ends it).");
            }
        }
        return text.toString();
    }

    /**
     * {@code reload}: the configuration file is read again on the reloader's thread; its outcome comes back to the
     * trading thread, which applies it and replies then, to {@code replies}.
     *
     * @return null: the reply follows; or, when a reload is under way already, the answer saying so
     */
    Message reload(Message m, Consumer<Message> replies) {
        boolean started = reloads.reload(m, reread -> replies.accept(reloaded(m, reread)));
        if (!started) {
            ObjectNode data = Money.object();
            data.put("error", "reload_under_way");
            return Message.replyTo(m, "A /reload is under way already; its answer follows.", data);
        }
        return null;
    }

    /** Applies what the file read again changes at once; on the trading thread. */
    private Message reloaded(Message m, Reread reread) {
        Report report;
        if (reread instanceof Reread.Refused refused) {
            report = ReloadReport.refused(refused);
        } else if (reread instanceof Reread.Unavailable unavailable) {
            report = ReloadReport.unavailable(unavailable);
        } else {
            report = apply((Reread.Read) reread);
        }
        return Message.replyTo(m, report.text(), report.data());
    }

    private Report apply(Reread.Read read) {
        ConfigChanges changes = read.changes();
        if (!changes.changes(ConfigChanges.Effect.APPLIED).isEmpty()) {
            try {
                trader.reconfigure(changes);
            } catch (SQLException e) {
                LOG.error("reload of {} failed: the closed trades could not be read", read.source(), e);
                return ReloadReport.failed(read, "the closed trades the protections need could not be read ("
                        + e.getMessage() + ")");
            }
            reloads.applied(changes);
            LOG.info("reloaded {}: {}", read.source(), changes.changes(ConfigChanges.Effect.APPLIED).stream()
                    .map(c -> c.key() + " " + c.before() + " -> " + c.after()).toList());
        }
        return ReloadReport.applied(read, trader.positions().openCount() > 0);
    }
}
