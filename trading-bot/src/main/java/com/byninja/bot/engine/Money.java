package com.byninja.bot.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** How amounts read: exact in {@code data}, rounded for people in text. */
public final class Money {

    private Money() {
    }

    /** @return an amount of quote currency for people: two decimals, such as {@code 99.99}. */
    public static String quote(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** @return a profit or loss for people, signed: {@code +1.52} or {@code -0.40}. */
    public static String signed(BigDecimal amount) {
        String s = quote(amount);
        return amount.signum() >= 0 && !s.startsWith("-") ? "+" + s : s;
    }

    /** @return an exact amount without trailing zeros, such as {@code 0.00166583}; for data and quantities. */
    public static String exact(BigDecimal amount) {
        if (amount.signum() == 0) {
            return "0";
        }
        return amount.stripTrailingZeros().toPlainString();
    }

    /** @return a new JSON object for {@code data}. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
