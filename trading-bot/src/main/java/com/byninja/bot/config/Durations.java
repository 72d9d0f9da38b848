package com.byninja.bot.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Timeframes as people write them: {@code 500ms}, {@code 5s}, {@code 1m}, {@code 4h}, {@code 1d}. */
public final class Durations {

    private static final Pattern TIMEFRAME = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * @param text such as {@code 5s}
     * @return the duration
     * @throws IllegalArgumentException when the text is not a positive number followed by ms, s, m, h or d
     */
    public static Duration parse(String text) {
        Matcher m = TIMEFRAME.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("expected a positive number and a unit (ms, s, m, h, d) such as 1m or "
                    + "5s, got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** @return the shortest text {@link #parse} reads back into {@code d}, such as {@code 5s}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000L == 0) {
            return ms / 86_400_000L + "d";
        }
        if (ms % 3_600_000L == 0) {
            return ms / 3_600_000L + "h";
        }
        if (ms % 60_000L == 0) {
            return ms / 60_000L + "m";
        }
        if (ms % 1000L == 0) {
            return ms / 1000L + "s";
        }
        return ms + "ms";
    }

    /** @return a duration for people, rounded down: {@code 750 ms}, {@code 10 s}, {@code 2 min}, {@code 3 h}. */
    public static String words(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 120_000) {
            return ms / 1000 + " s";
        }
        if (ms < 7_200_000) {
            return ms / 60_000 + " min";
        }
        return ms / 3_600_000 + " h";
    }
}
