package com.byninja.protocol.commands;

/**
 * The types of a command's arguments: how each is written in a usage line, what it is called in a message, and which
 * field of a {@code command} frame carries it. Each kind reads its text the same way wherever it appears
 * ({@link Argument#read}).
 */
public enum ArgumentKind {
    /**
     * A market, written {@code BTC/USDT}, {@code BTC-USDT}, {@code BTC_USDT} or {@code BTCUSDT} in any case; read as
     * upper case with {@code /} for its separator. Which markets exist is each trading bot's business.
     */
    SYMBOL("SYMBOL", "symbol", "a symbol", "SYMBOL like BTC/USDT"),
    /** A {@link #SYMBOL}, or the word {@value #ALL} in any case for every one. */
    SYMBOL_OR_ALL("SYMBOL|" + ArgumentKind.ALL, "symbol", "a symbol or " + ArgumentKind.ALL, "SYMBOL like BTC/USDT"),
    /** A positive decimal sum in the quote currency, such as {@code 25} or {@code 12.5}. */
    AMOUNT("AMOUNT", "amount", "an amount", "AMOUNT in the quote currency, like 25"),
    /** A whole number of minutes, hours or days, such as {@code 30m}, {@code 4h} or {@code 2d}, within bounds. */
    DURATION("DURATION", "duration", "a duration", "DURATION like 30m, 4h or 2d"),
    /** A positive whole number up to a maximum. */
    COUNT("COUNT", "count", "a count", "COUNT a whole number"),
    /**
     * A trading bot's name as it connected, several separated by commas ({@code alpha,beta}), or {@value #ALL} for
     * every bot.
     */
    BOT_OR_ALL("NAME|" + ArgumentKind.ALL, "name", "a bot name or " + ArgumentKind.ALL,
            "NAME a trading bot's name, or several like alpha,beta"),
    /** A word naming a setting, which the command checks itself, such as {@code quiet} for {@code /notify}. */
    SETTING("SETTING", "setting", "a setting", null),
    /** A setting's value, which the command checks itself, such as {@code 22:00-07:00}. */
    VALUE("VALUE", "value", "a value", null);

    /** The word that means every symbol, or every bot. */
    public static final String ALL = "all";

    private final String placeholder;
    private final String field;
    private final String noun;
    private final String legend;

    ArgumentKind(String placeholder, String field, String noun, String legend) {
        this.placeholder = placeholder;
        this.field = field;
        this.noun = noun;
        this.legend = legend;
    }

    /** @return how the argument is written in a usage line, such as {@code SYMBOL|all} */
    public String placeholder() {
        return placeholder;
    }

    /**
     * @return where a {@code command} frame carries the argument: {@code symbol} is the frame's own {@code symbol}
     *         field, any other name a field of its {@code data}, such as {@code amount} for {@code data.amount}
     */
    public String field() {
        return field;
    }

    /** @return what a message calls a missing argument of this kind, such as {@code an amount} */
    String noun() {
        return noun;
    }

    /** @return how {@code /help} explains the placeholder, such as {@code SYMBOL like BTC/USDT}; null for none */
    String legend() {
        return legend;
    }

    /** @return whether the frame's own {@code symbol} field carries this argument, rather than its {@code data} */
    public boolean inSymbolField() {
        return this == SYMBOL || this == SYMBOL_OR_ALL;
    }
}
