package com.byninja.bot.strategy.rules;

import com.byninja.bot.config.rules.Expression;
import com.byninja.bot.config.rules.Expression.Binary;
import com.byninja.bot.config.rules.ExpressionException;
import com.byninja.bot.config.rules.Parser;

/** Reading rules expressions in tests, where a problem is the test's own mistake. */
final class Rules {

    private Rules() {
    }

    /** @return {@code text} read as a rule */
    static Expression rule(String text) {
        try {
            return Parser.parseRule(text);
        } catch (ExpressionException e) {
            throw new AssertionError(text + ": " + e.getMessage(), e);
        }
    }

    /** @return {@code text} read as a number series (the left side of {@code text > 0}) */
    static Expression number(String text) {
        return ((Binary) rule(text + " > 0")).left();
    }

    /** @return the problem reading {@code text}: {@code column N: ...} */
    static String problem(String text) {
        try {
            Parser.parseRule(text);
        } catch (ExpressionException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a problem with " + text);
    }
}
