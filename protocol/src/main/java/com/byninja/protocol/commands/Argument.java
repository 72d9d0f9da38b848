package com.byninja.protocol.commands;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One argument a command takes: its {@linkplain ArgumentKind kind}, whether it may be left out, and for durations and
 * counts the bounds it must lie within. Declared with the factories, such as {@code Argument.symbol()} or
 * {@code Argument.amount().optional()}; it reads the text a person typed into a typed value, or says what was wrong.
 *
 * <p>The values are: a {@code String} for a symbol ({@code BTC/USDT}, or {@code BTCUSDT} as typed without separator)
 * and a bot name, {@value ArgumentKind#ALL} for the word that means every one, a {@code BigDecimal} for an amount, a
 * {@code Duration} for a duration and an {@code Integer} for a count.
 */
public final class Argument {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,20}([/_-][A-Z0-9]{1,20})?");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,6})([mhd])");
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");
    private static final int MAX_AMOUNT_CHARS = 30;
    private static final int MAX_AMOUNT_INTEGER_DIGITS = 20;
    private static final int MAX_AMOUNT_DECIMALS = 30;
    /** How much of a wrong argument a message repeats: enough to recognise it, not a pasted page. */
    private static final int MAX_QUOTED_CHARS = 40;

    private final ArgumentKind kind;
    private final boolean required;
    private final Duration minDuration;
    private final Duration maxDuration;
    private final int maxCount;
    /** How a usage line writes it when not as its kind, such as {@code DAYS} for a count of days; else null. */
    private final String name;
    /** How {@code /help} explains a named one, or null when the name says it all. */
    private final String namedLegend;

    private Argument(ArgumentKind kind, boolean required, Duration minDuration, Duration maxDuration, int maxCount,
                     String name, String namedLegend) {
        this.kind = kind;
        this.required = required;
        this.minDuration = minDuration;
        this.maxDuration = maxDuration;
        this.maxCount = maxCount;
        this.name = name;
        this.namedLegend = namedLegend;
    }

    /** @return a required {@link ArgumentKind#SYMBOL} */
    public static Argument symbol() {
        return of(ArgumentKind.SYMBOL);
    }

    /** @return a required {@link ArgumentKind#SYMBOL_OR_ALL} */
    public static Argument symbolOrAll() {
        return of(ArgumentKind.SYMBOL_OR_ALL);
    }

    /** @return a required {@link ArgumentKind#AMOUNT} */
    public static Argument amount() {
        return of(ArgumentKind.AMOUNT);
    }

    /** @return a required {@link ArgumentKind#SETTING}, which the command checks itself */
    public static Argument setting() {
        return of(ArgumentKind.SETTING);
    }

    /** @return a required {@link ArgumentKind#VALUE}, which the command checks itself */
    public static Argument value() {
        return of(ArgumentKind.VALUE);
    }

    /** @return a required {@link ArgumentKind#BOT_OR_ALL} */
    public static Argument botOrAll() {
        return of(ArgumentKind.BOT_OR_ALL);
    }

    /**
     * @param min the shortest accepted, at least a minute
     * @param max the longest accepted
     * @return a required {@link ArgumentKind#DURATION} from {@code min} to {@code max}, both included, each a whole
     *         number of minutes
     */
    public static Argument duration(Duration min, Duration max) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.compareTo(Duration.ofMinutes(1)) < 0 || min.compareTo(max) > 0
                || min.toSecondsPart() != 0 || max.toSecondsPart() != 0 || min.toNanosPart() != 0
                || max.toNanosPart() != 0) {
            throw new IllegalArgumentException("a duration's bounds are whole minutes, at least one, the shorter "
                    + "first; got " + min + " and " + max);
        }
        return new Argument(ArgumentKind.DURATION, true, min, max, 0, null, null);
    }

    /**
     * @param max the largest accepted, at least 1
     * @return a required {@link ArgumentKind#COUNT} from 1 to {@code max}
     */
    public static Argument count(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a count's maximum must be at least 1, got " + max);
        }
        return new Argument(ArgumentKind.COUNT, true, null, null, max, null, null);
    }

    private static Argument of(ArgumentKind kind) {
        return new Argument(kind, true, null, null, 0, null, null);
    }

    /** @return this argument, but one that may be left out */
    public Argument optional() {
        return new Argument(kind, false, minDuration, maxDuration, maxCount, name, namedLegend);
    }

    /**
     * @param placeholder how usage lines write it instead of its kind's placeholder, in capitals, such as
     *                    {@code DAYS} for a count of days or {@code CANDLES}; self-explaining, so {@code /help} gives
     *                    it no legend
     * @return this argument, named so
     */
    public Argument named(String placeholder) {
        return named(placeholder, null);
    }

    /**
     * @param placeholder as {@link #named(String)}
     * @param legend      how {@code /help} explains it, starting with the placeholder, such as
     *                    {@code TIMEFRAME like 15m or 4h}
     * @return this argument, named so
     */
    public Argument named(String placeholder, String legend) {
        if (placeholder == null || !placeholder.matches("[A-Z][A-Za-z_|]{0,29}")) {
            throw new IllegalArgumentException("an argument's name starts with a capital, then up to 29 letters, _ "
                    + "or |, got \"" + placeholder + "\"");
        }
        if (legend != null && !legend.startsWith(placeholder + " ")) {
            throw new IllegalArgumentException("a legend starts with its placeholder, such as \"" + placeholder
                    + " like ...\"; got \"" + legend + "\"");
        }
        return new Argument(kind, required, minDuration, maxDuration, maxCount, placeholder, legend);
    }

    /** @return how {@code /help} explains its placeholder, such as {@code SYMBOL like BTC/USDT}; empty if needless */
    java.util.Optional<String> legend() {
        return java.util.Optional.ofNullable(name == null ? kind.legend() : namedLegend);
    }

    /** @return its kind */
    public ArgumentKind kind() {
        return kind;
    }

    /** @return whether the command needs it */
    public boolean required() {
        return required;
    }

    /** @return how a usage line writes it: {@code SYMBOL}, or {@code [AMOUNT]} when it may be left out */
    public String usage() {
        String placeholder = name == null ? kind.placeholder() : name;
        return required ? placeholder : "[" + placeholder + "]";
    }

    @Override
    public String toString() {
        return usage();
    }

    /**
     * @return whether {@code text} is written like a value of this kind, in or out of its bounds: {@code 600} is
     *         written like a count even where the most is 500, {@code soon} is not written like a duration
     */
    boolean shaped(String text) {
        return switch (kind) {
            case SYMBOL -> symbolOf(text).problem() == null;
            case SYMBOL_OR_ALL -> text.equalsIgnoreCase(ArgumentKind.ALL) || symbolOf(text).problem() == null;
            case AMOUNT -> text.matches("[0-9]*\\.?[0-9]+");
            case DURATION -> DURATION.matcher(text.toLowerCase(Locale.ROOT)).matches();
            case COUNT -> COUNT.matcher(text).matches();
            case BOT_OR_ALL, SETTING, VALUE -> true;
        };
    }

    /** @return what {@code text} says as this argument's value, or what is wrong with it */
    Reading read(String text) {
        return switch (kind) {
            case SYMBOL -> symbolOf(text);
            case SYMBOL_OR_ALL -> text.equalsIgnoreCase(ArgumentKind.ALL) ? Reading.value(ArgumentKind.ALL)
                    : symbolOf(text).orProblem("\"" + quoted(text) + "\" is not a symbol; write it like BTC/USDT, or "
                            + ArgumentKind.ALL + ".");
            case AMOUNT -> amountOf(text);
            case DURATION -> durationOf(text);
            case COUNT -> countOf(text);
            case BOT_OR_ALL -> Reading.value(text.equalsIgnoreCase(ArgumentKind.ALL) ? ArgumentKind.ALL : text);
            case SETTING, VALUE -> Reading.value(text);
        };
    }

    private static Reading symbolOf(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        // A symbol has a letter: a number alone is a count or an amount, as in /profit 30.
        if (upper.length() < 2 || !SYMBOL.matcher(upper).matches() || upper.equalsIgnoreCase(ArgumentKind.ALL)
                || upper.chars().noneMatch(Character::isLetter)) {
            return Reading.problem("\"" + quoted(text) + "\" is not a symbol; write it like BTC/USDT.");
        }
        return Reading.value(upper.replace('-', '/').replace('_', '/'));
    }

    private static Reading amountOf(String text) {
        String problem = "The amount must be a positive number, such as 25 or 12.5; got \"" + quoted(text) + "\".";
        if (text.length() > MAX_AMOUNT_CHARS) {
            return Reading.problem(problem);
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            int integerDigits = amount.precision() - amount.scale();
            if (amount.signum() <= 0 || amount.scale() > MAX_AMOUNT_DECIMALS
                    || integerDigits > MAX_AMOUNT_INTEGER_DIGITS) {
                return Reading.problem(problem);
            }
            BigDecimal plain = amount.stripTrailingZeros();
            // 100 stripped is 1E+2: kept at scale 0, as written.
            return Reading.value(plain.scale() < 0 ? plain.setScale(0) : plain);
        } catch (NumberFormatException e) {
            return Reading.problem(problem);
        }
    }

    private Reading durationOf(String text) {
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Reading.problem("The duration must be a whole number and a unit (m, h or d), such as 30m, 4h or "
                    + "2d; got \"" + quoted(text) + "\".");
        }
        long number = Long.parseLong(m.group(1));
        Duration duration = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(number);
            case "h" -> Duration.ofHours(number);
            default -> Duration.ofDays(number);
        };
        if (duration.compareTo(minDuration) < 0 || duration.compareTo(maxDuration) > 0) {
            return Reading.problem("The duration must be from " + format(minDuration) + " to " + format(maxDuration)
                    + "; got \"" + quoted(text) + "\".");
        }
        return Reading.value(duration);
    }

    private Reading countOf(String text) {
        if (COUNT.matcher(text).matches()) {
            int count = Integer.parseInt(text);
            if (count >= 1 && count <= maxCount) {
                return Reading.value(count);
            }
        }
        return Reading.problem("The count must be a whole number from 1 to " + maxCount + "; got \"" + quoted(text)
                + "\".");
    }

    /** @return a duration as a person writes it, in its largest whole unit, such as {@code 90m} or {@code 2d} */
    static String format(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes % (24 * 60) == 0) {
            return minutes / (24 * 60) + "d";
        }
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }

    private static String quoted(String text) {
        return text.length() <= MAX_QUOTED_CHARS ? text : text.substring(0, MAX_QUOTED_CHARS) + "…";
    }

    /** What an argument's text reads as: a value, or the problem with it as a sentence. */
    record Reading(Object value, String problem) {
        static Reading value(Object value) {
            return new Reading(value, null);
        }

        static Reading problem(String problem) {
            return new Reading(null, problem);
        }

        /** @return this, or a reading with {@code other} for its problem when this is one */
        Reading orProblem(String other) {
            return problem == null ? this : problem(other);
        }
    }
}
