package com.byninja.bot.link;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The bot's last warning and error lines, for {@code /logs}: a ring of fixed size that the logging appender fills on
 * the thread that logs (a few field writes under a lock, never a wait on anything else), overwriting the oldest line
 * when full and counting it. Each line is cut short, and every known secret in it is replaced by {@code ***} before it
 * is kept, so that no reply can show one.
 */
public final class RecentLogs {

    /** How many lines are kept: the most {@code /logs} shows. */
    public static final int CAPACITY = 100;
    /** How long a kept line's text may be; longer ones are cut with an ellipsis. */
    public static final int MAX_TEXT = 200;
    private static final String MASK = "***";
    /** Shorter values are no secrets worth the name (and would mask ordinary words). */
    private static final int MIN_SECRET_LENGTH = 8;

    /**
     * One line.
     *
     * @param at     when it was logged
     * @param level  {@code WARN} or {@code ERROR}
     * @param logger the logger's short name, such as {@code Fills}
     * @param text   the message, secrets masked and cut to {@value #MAX_TEXT} characters
     */
    public record Line(Instant at, String level, String logger, String text) {
    }

    /** The last lines asked for, and how many lines came and went. */
    public record Tail(List<Line> lines, long total, long overwritten) {
    }

    private final Line[] ring;
    private final List<String> secrets = new ArrayList<>();
    private int next;
    private long total;

    /** A ring of {@value #CAPACITY} lines that masks nothing yet. */
    public RecentLogs() {
        this(CAPACITY);
    }

    RecentLogs(int capacity) {
        this.ring = new Line[capacity];
    }

    /** Masks each of {@code values} (the API keys, the link secret) in every line kept from now on. */
    public synchronized void mask(Collection<String> values) {
        for (String value : values) {
            if (value != null && value.length() >= MIN_SECRET_LENGTH && !secrets.contains(value)) {
                secrets.add(value);
            }
        }
    }

    /** Keeps a line, in place of the oldest when the ring is full. */
    public void add(Instant at, String level, String logger, String text) {
        String shortLogger = logger.substring(logger.lastIndexOf('.') + 1);
        synchronized (this) {
            String masked = text;
            for (int i = 0; i < secrets.size(); i++) {
                masked = masked.replace(secrets.get(i), MASK);
            }
            if (masked.length() > MAX_TEXT) {
                masked = masked.substring(0, MAX_TEXT - 1) + "…";
            }
            ring[next] = new Line(at, level, shortLogger, masked);
            next = (next + 1) % ring.length;
            total++;
        }
    }

    /** @return the last {@code n} lines (fewer when fewer were kept), newest last, with the counts */
    public synchronized Tail last(int n) {
        int kept = (int) Math.min(total, ring.length);
        int count = Math.max(0, Math.min(n, kept));
        List<Line> lines = new ArrayList<>(count);
        for (int i = count; i > 0; i--) {
            lines.add(ring[Math.floorMod(next - i, ring.length)]);
        }
        return new Tail(lines, total, total - kept);
    }
}
