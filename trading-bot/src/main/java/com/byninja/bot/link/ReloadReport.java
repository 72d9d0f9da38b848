package com.byninja.bot.link;

import com.byninja.bot.config.ConfigChanges;
import com.byninja.bot.config.ConfigChanges.Change;
import com.byninja.bot.config.ConfigChanges.Effect;
import com.byninja.bot.config.Reread;
import com.byninja.bot.domain.Money;
import com.byninja.bot.link.StatusReport.Report;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The {@code reload} answer: what the file read again changed at once, what needs a restart, or its problems. */
final class ReloadReport {

    /** How much of a value a line shows: a rule's expression can be long. */
    private static final int MAX_VALUE = 80;

    private ReloadReport() {
    }

    /** @return the answer to a file that is not a valid configuration: its problems, nothing changed */
    static Report refused(Reread.Refused refused) {
        ObjectNode data = Money.object();
        data.put("error", "invalid_configuration");
        data.put("source", refused.source());
        data.put("changed", false);
        ArrayNode problems = data.putArray("problems");
        refused.problems().forEach(problems::add);
        return new Report("/reload refused: " + refused.source() + " has "
                + Money.count(refused.problems().size(), "problem", "problems") + "; nothing changed.\n"
                + String.join("\n", refused.problems()), data);
    }

    /** @return the answer of a bot that has no file to read */
    static Report unavailable(Reread.Unavailable unavailable) {
        ObjectNode data = Money.object();
        data.put("error", "no_configuration_file");
        data.put("changed", false);
        return new Report("This bot's configuration was " + unavailable.source() + ": /reload has nothing to read.",
                data);
    }

    /** @return the answer once the changes taken at once are running */
    static Report applied(Reread.Read read, boolean positionsOpen) {
        ConfigChanges changes = read.changes();
        List<Change> applied = changes.changes(Effect.APPLIED);
        List<Change> restart = changes.changes(Effect.NEEDS_RESTART);
        ObjectNode data = Money.object();
        data.put("source", read.source());
        data.put("changed", !applied.isEmpty());
        list(data.putArray("applied"), applied);
        list(data.putArray("needsRestart"), restart);
        if (applied.isEmpty() && restart.isEmpty()) {
            return new Report("Read " + read.source() + " again: nothing differs from what runs.", data);
        }
        StringBuilder t = new StringBuilder("Read " + read.source() + " again.");
        if (applied.isEmpty()) {
            t.append(" Nothing could change at once.");
        } else {
            t.append("\nApplied now (").append(applied.size()).append("):");
            applied.forEach(c -> t.append('\n').append(line(c)));
        }
        if (!restart.isEmpty()) {
            t.append("\nNeeds a restart, runs as before until then (").append(restart.size()).append("):");
            restart.forEach(c -> t.append('\n').append(line(c)));
        }
        if (changes.risk() && positionsOpen) {
            t.append("\nThe open positions' stops and targets follow the new risk settings from now.");
        }
        if (changes.strategies()) {
            t.append("\nThe strategy was built again on the candles held; the next candle is decided with it.");
        }
        if (changes.protections()) {
            t.append("\nThe locks in force end at their time; the new protections judge the trades that close from "
                    + "now.");
        }
        return new Report(t.toString(), data);
    }

    /** @return the answer when the changes could not be taken: nothing changed */
    static Report failed(Reread.Read read, String why) {
        ObjectNode data = Money.object();
        data.put("error", "store_error");
        data.put("source", read.source());
        data.put("changed", false);
        return new Report("/reload of " + read.source() + " failed: " + why + "; nothing changed.", data);
    }

    private static String line(Change c) {
        return c.key() + ": " + shown(c.before()) + " → " + shown(c.after());
    }

    private static String shown(String value) {
        return value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE - 1) + "…";
    }

    private static void list(ArrayNode list, List<Change> changes) {
        for (Change c : changes) {
            ObjectNode n = list.addObject();
            n.put("key", c.key());
            n.put("before", c.before());
            n.put("after", c.after());
        }
    }
}
