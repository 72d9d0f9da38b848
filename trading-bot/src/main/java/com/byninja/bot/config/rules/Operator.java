package com.byninja.bot.config.rules;

import com.byninja.bot.config.rules.Expression.Type;

/**
 * The binary operators of rules expressions, loosest first: {@code or}, {@code and}, the comparisons, {@code + -},
 * {@code * /}. {@code not} binds between {@code and} and the comparisons, unary minus tighter than {@code *}.
 * Arithmetic and the logical operators group from the left; comparisons do not chain.
 */
public enum Operator {
    OR("or", 1, Type.RULE, Type.RULE),
    AND("and", 2, Type.RULE, Type.RULE),
    LESS("<", Precedence.COMPARISON, Type.NUMBER, Type.RULE),
    GREATER(">", Precedence.COMPARISON, Type.NUMBER, Type.RULE),
    LESS_OR_EQUAL("<=", Precedence.COMPARISON, Type.NUMBER, Type.RULE),
    GREATER_OR_EQUAL(">=", Precedence.COMPARISON, Type.NUMBER, Type.RULE),
    EQUAL("==", Precedence.COMPARISON, Type.NUMBER, Type.RULE),
    NOT_EQUAL("!=", Precedence.COMPARISON, Type.NUMBER, Type.RULE),
    PLUS("+", 5, Type.NUMBER, Type.NUMBER),
    MINUS("-", 5, Type.NUMBER, Type.NUMBER),
    TIMES("*", 6, Type.NUMBER, Type.NUMBER),
    DIVIDE("/", 6, Type.NUMBER, Type.NUMBER);

    private final String symbol;
    private final int precedence;
    private final Type operands;
    private final Type result;

    Operator(String symbol, int precedence, Type operands, Type result) {
        this.symbol = symbol;
        this.precedence = precedence;
        this.operands = operands;
        this.result = result;
    }

    /** @return as written: {@code and}, {@code <=}, {@code +} */
    public String symbol() {
        return symbol;
    }

    /** @return how tightly it binds: higher binds tighter */
    int precedence() {
        return precedence;
    }

    /** @return what both operands must be */
    public Type operands() {
        return operands;
    }

    /** @return what it yields */
    public Type result() {
        return result;
    }

    /** @return whether it compares two numbers */
    public boolean comparison() {
        return precedence == Precedence.COMPARISON;
    }

    /** @return the binary operator written {@code symbol}, or null */
    static Operator of(String symbol) {
        for (Operator op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        return null;
    }

    /** Binding strengths beside the binary operators', for printing. */
    static final class Precedence {
        static final int NOT = 3;
        static final int COMPARISON = 4;
        static final int NEGATE = 7;
        static final int ATOM = 8;

        private Precedence() {
        }
    }
}
