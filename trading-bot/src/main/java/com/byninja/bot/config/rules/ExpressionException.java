package com.byninja.bot.config.rules;

/**
 * An expression that cannot be read: where, counting characters from 1, and what was expected there, such as
 * {@code column 23: unknown indicator 'rsl' (did you mean rsi?); known: adx, atr, ...}.
 */
public final class ExpressionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int column;
    private final String reason;

    /**
     * @param column where the problem is, from 1; one past the end when the text ended too soon
     * @param reason what was expected and what was found, in plain words
     */
    public ExpressionException(int column, String reason) {
        super("column " + column + ": " + reason);
        this.column = column;
        this.reason = reason;
    }

    /** @return where the problem is, from 1 */
    public int column() {
        return column;
    }

    /** @return what was expected and what was found, without the column */
    public String reason() {
        return reason;
    }
}
