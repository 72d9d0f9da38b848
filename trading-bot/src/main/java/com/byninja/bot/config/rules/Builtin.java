package com.byninja.bot.config.rules;

import com.byninja.bot.config.rules.Expression.Type;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The names a rules expression may call: prices, indicators and rule functions, each with its arguments and its
 * look-back. The look-back is the number of bars before the first one on which the value is formed, given its
 * arguments' whole numbers: a window of {@code n} bars adds {@code n - 1} (the {@code n}-th bar is the first with a
 * full window); a change from the bar before adds 1 (RSI's gains, ATR's true range, ADX's directional movement, a
 * cross, OBV). Exponential averages (ema, and those inside rsi, atr, adx, macd) are counted formed after their period.
 * A call adds its own look-back to the largest of its series arguments'.
 */
public enum Builtin {
    OPEN("open", Type.NUMBER, w -> 0),
    HIGH("high", Type.NUMBER, w -> 0),
    LOW("low", Type.NUMBER, w -> 0),
    CLOSE("close", Type.NUMBER, w -> 0),
    VOLUME("volume", Type.NUMBER, w -> 0),
    OBV("obv", Type.NUMBER, w -> 1),
    SMA("sma", Type.NUMBER, w -> w[0] - 1, Param.SERIES, Param.PERIOD),
    EMA("ema", Type.NUMBER, w -> w[0] - 1, Param.SERIES, Param.PERIOD),
    WMA("wma", Type.NUMBER, w -> w[0] - 1, Param.SERIES, Param.PERIOD),
    RSI("rsi", Type.NUMBER, w -> w[0], Param.SERIES, Param.PERIOD),
    MACD("macd", Type.NUMBER, w -> w[1] - 1, Param.SERIES, Param.FAST, Param.SLOW),
    MACD_SIGNAL("macdSignal", Type.NUMBER, w -> w[1] - 1 + w[2] - 1, Param.SERIES, Param.FAST, Param.SLOW,
            Param.SIGNAL),
    MACD_HISTOGRAM("macdHistogram", Type.NUMBER, w -> w[1] - 1 + w[2] - 1, Param.SERIES, Param.FAST, Param.SLOW,
            Param.SIGNAL),
    BOLLINGER_UPPER("bollingerUpper", Type.NUMBER, w -> w[0] - 1, Param.SERIES, Param.PERIOD, Param.K),
    BOLLINGER_MIDDLE("bollingerMiddle", Type.NUMBER, w -> w[0] - 1, Param.SERIES, Param.PERIOD, Param.K),
    BOLLINGER_LOWER("bollingerLower", Type.NUMBER, w -> w[0] - 1, Param.SERIES, Param.PERIOD, Param.K),
    BOLLINGER_WIDTH("bollingerWidth", Type.NUMBER, w -> w[0] - 1, Param.SERIES, Param.PERIOD, Param.K),
    ATR("atr", Type.NUMBER, w -> w[0], Param.PERIOD),
    STOCH_K("stochK", Type.NUMBER, w -> w[0] - 1, Param.PERIOD),
    /** ta4j's %D: a 3-bar simple average of %K, hence two bars more. */
    STOCH_D("stochD", Type.NUMBER, w -> w[0] + 1, Param.PERIOD),
    /** Directional movement (one change), averaged into DI, whose DX is averaged again into ADX. */
    ADX("adx", Type.NUMBER, w -> 2 * w[0] - 1, Param.PERIOD),
    CCI("cci", Type.NUMBER, w -> w[0] - 1, Param.PERIOD),
    VWAP("vwap", Type.NUMBER, w -> w[0] - 1, Param.PERIOD),
    HIGHEST("highest", Type.NUMBER, w -> w[0] - 1, Param.SERIES, Param.PERIOD),
    LOWEST("lowest", Type.NUMBER, w -> w[0] - 1, Param.SERIES, Param.PERIOD),
    PREVIOUS("previous", Type.NUMBER, w -> w[0], Param.SERIES, Param.BARS),
    CROSSED_UP("crossedUp", Type.RULE, w -> 1, Param.SERIES, Param.SERIES),
    CROSSED_DOWN("crossedDown", Type.RULE, w -> 1, Param.SERIES, Param.SERIES),
    RISING("rising", Type.RULE, w -> w[0], Param.SERIES, Param.BARS),
    FALLING("falling", Type.RULE, w -> w[0], Param.SERIES, Param.BARS);

    /** What an argument must be. */
    public enum Kind {
        /** Any number expression: a price, an indicator, arithmetic, a constant. */
        SERIES,
        /** A whole number from 1 to {@link Builtin#MAX_WHOLE}, written as such. */
        WHOLE,
        /** A number above 0, written as such, such as 2 or 2.5. */
        POSITIVE
    }

    /** One argument: its name in messages and what it must be. */
    public record Param(String label, Kind kind) {
        static final Param SERIES = new Param("series", Kind.SERIES);
        static final Param PERIOD = new Param("period", Kind.WHOLE);
        static final Param BARS = new Param("bars", Kind.WHOLE);
        static final Param FAST = new Param("fast", Kind.WHOLE);
        static final Param SLOW = new Param("slow", Kind.WHOLE);
        static final Param SIGNAL = new Param("signal", Kind.WHOLE);
        static final Param K = new Param("k", Kind.POSITIVE);
    }

    /** The largest period or bar count an argument may give: the most candles a series keeps. */
    public static final int MAX_WHOLE = 100_000;

    private final String name;
    private final Type result;
    private final ToIntFunction<int[]> lookBack;
    private final List<Param> params;

    Builtin(String name, Type result, ToIntFunction<int[]> lookBack, Param... params) {
        this.name = name;
        this.result = result;
        this.lookBack = lookBack;
        this.params = List.of(params);
    }

    /** @return as written, such as {@code macdSignal} */
    public String text() {
        return name;
    }

    /** @return what a call yields */
    public Type result() {
        return result;
    }

    /** @return its arguments, none for a price written bare such as {@code close} */
    public List<Param> params() {
        return params;
    }

    /** @return its arguments for messages, such as {@code (series, period)} */
    public String signature() {
        return params.stream().map(Param::label).collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    /** @return the builtin written {@code name} (case counts), or null */
    public static Builtin named(String name) {
        for (Builtin b : values()) {
            if (b.name.equals(name)) {
                return b;
            }
        }
        return null;
    }

    /** @return every name, in alphabetical order */
    public static List<String> names() {
        return Arrays.stream(values()).map(Builtin::text).sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    /**
     * @param wholes the values of its whole-number arguments, in order
     * @return the bars its own calculation looks back beyond its series arguments'
     */
    int lookBack(int[] wholes) {
        return lookBack.applyAsInt(wholes);
    }
}
