package com.byninja.bot.strategy.rules;

import com.byninja.bot.config.rules.Expression;
import com.byninja.bot.config.rules.Expression.Binary;
import com.byninja.bot.config.rules.Expression.Call;
import com.byninja.bot.config.rules.Expression.Literal;
import com.byninja.bot.config.rules.Operator;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.ta4j.core.num.Num;

/**
 * What a rule reads on one bar, for a person watching the log: whether it holds, then each of the conditions that
 * {@code and} and {@code or} join, with the values it compares, such as {@code entry no: rsi(close, 14) 63.25 < 70:
 * yes; crossedUp(ema(close, 12) 60010.2, ema(close, 26) 60030.5): no}.
 */
public final class RuleExplanation {

    private static final MathContext SMALL = new MathContext(4, RoundingMode.HALF_EVEN);

    private RuleExplanation() {
    }

    /**
     * @param name     what the rule is for, such as {@code entry}
     * @param rule     a rule
     * @param compiler a compiler over the series to read
     * @param index    the bar to read
     * @return the rule's verdict and each condition's, with their values
     */
    public static String of(String name, Expression rule, RuleCompiler compiler, int index) {
        List<Expression> conditions = new ArrayList<>();
        collect(rule, conditions);
        StringJoiner text = new StringJoiner("; ", name + " " + yes(compiler.rule(rule).isSatisfied(index)) + ": ", "");
        for (Expression c : conditions) {
            text.add(condition(c, compiler, index) + ": " + yes(compiler.rule(c).isSatisfied(index)));
        }
        return text.toString();
    }

    /** @return a value for people: two decimals at most, four significant digits below 1 */
    public static String value(Num n) {
        if (n.isNaN()) {
            return "NaN";
        }
        BigDecimal d = new BigDecimal(n.toString());
        BigDecimal shown = d.abs().compareTo(BigDecimal.ONE) >= 0 ? d.setScale(2, RoundingMode.HALF_EVEN)
                : d.round(SMALL);
        return shown.stripTrailingZeros().toPlainString();
    }

    /** The conditions that and/or join, left to right; anything else (a not, a comparison, a cross) is one. */
    private static void collect(Expression e, List<Expression> into) {
        if (e instanceof Binary b && (b.operator() == Operator.AND || b.operator() == Operator.OR)) {
            collect(b.left(), into);
            collect(b.right(), into);
        } else {
            into.add(e);
        }
    }

    private static String condition(Expression e, RuleCompiler compiler, int index) {
        if (e instanceof Binary b) {
            return operand(b.left(), compiler, index) + " " + b.operator().symbol() + " "
                    + operand(b.right(), compiler, index);
        }
        if (e instanceof Call c) {
            StringJoiner args = new StringJoiner(", ", c.builtin().text() + "(", ")");
            for (Expression arg : c.args()) {
                args.add(operand(arg, compiler, index));
            }
            return args.toString();
        }
        return e.text();
    }

    /** @return a number series with its value, such as {@code sma(close, 20) 59000}; a constant as it is */
    private static String operand(Expression e, RuleCompiler compiler, int index) {
        return e instanceof Literal ? e.text() : e.text() + " " + value(compiler.number(e).getValue(index));
    }

    private static String yes(boolean holds) {
        return holds ? "yes" : "no";
    }
}
