package com.byninja.bot.domain;

/**
 * One scope's switches.
 *
 * @param trading automatic decisions allowed
 * @param buy     buying allowed
 * @param sell    selling allowed
 */
public record Flags(boolean trading, boolean buy, boolean sell) {

    /** Every switch on. */
    public static final Flags ALL_ON = new Flags(true, true, true);

    /** @return the value of {@code flag}. */
    public boolean get(Flag flag) {
        return switch (flag) {
            case TRADING -> trading;
            case BUY -> buy;
            case SELL -> sell;
        };
    }

    /** @return a copy with {@code flag} set to {@code value}. */
    public Flags with(Flag flag, boolean value) {
        return switch (flag) {
            case TRADING -> new Flags(value, buy, sell);
            case BUY -> new Flags(trading, value, sell);
            case SELL -> new Flags(trading, buy, value);
        };
    }
}
