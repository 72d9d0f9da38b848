package com.byninja.bot.link;

import com.byninja.bot.domain.Money;
import com.byninja.bot.link.StatusReport.Report;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code logs} answer: the bot's last warning and error lines from the {@link RecentLogs} ring, newest last, one
 * short line each, with how many came since the start and how many the ring no longer holds.
 */
public final class LogsReport {

    /** Lines shown when no number is asked for. */
    public static final int DEFAULT_LINES = 20;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final RecentLogs recent;
    private final Clock clock;

    /**
     * @param recent the ring the logging appender fills
     * @param clock  tells which lines are of another day than today, which show their date
     */
    public LogsReport(RecentLogs recent, Clock clock) {
        this.recent = recent;
        this.clock = clock;
    }

    /**
     * @param lines how many lines, or null for {@value #DEFAULT_LINES}
     * @return the lines, newest last, with their counts in {@code data}
     */
    public Report logs(Integer lines) {
        int asked = lines == null ? DEFAULT_LINES : lines;
        RecentLogs.Tail tail = recent.last(asked);
        ObjectNode data = Money.object();
        data.put("asked", asked);
        data.put("sinceStart", tail.total());
        data.put("noLongerKept", tail.overwritten());
        data.put("kept", RecentLogs.CAPACITY);
        ArrayNode list = data.putArray("lines");
        if (tail.lines().isEmpty()) {
            return new Report("No warnings or errors since the start.", data);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(tail.lines().size() == tail.total()
                ? "The " + Money.count(tail.total(), "warning or error", "warnings and errors") + " since the start"
                : "The last " + tail.lines().size() + " of " + tail.total() + " warnings and errors since the start");
        if (tail.overwritten() > 0) {
            text.append(" (the oldest ").append(tail.overwritten()).append(" no longer kept)");
        }
        text.append(", times UTC:");
        for (RecentLogs.Line line : tail.lines()) {
            ObjectNode l = list.addObject();
            l.put("at", line.at().toString());
            l.put("level", line.level());
            l.put("logger", line.logger());
            l.put("text", line.text());
            boolean sameDay = LocalDate.ofInstant(line.at(), ZoneOffset.UTC).equals(today);
            text.append('\n').append((sameDay ? TIME : DAY_AND_TIME).format(line.at())).append(' ')
                    .append(line.level()).append(' ').append(line.logger()).append(": ").append(line.text());
        }
        return new Report(text.toString(), data);
    }
}
