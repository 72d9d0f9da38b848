package com.byninja.bot.config.rules;

import com.byninja.bot.config.rules.Operator.Precedence;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A rules expression as read and checked by {@link Parser}: every name known, every argument of the right kind and
 * count, every operand of the right type. An expression is a number series (a price, an indicator, a constant,
 * arithmetic on them) or a rule (a comparison, a cross, rising, falling, and {@code and}, {@code or}, {@code not} of
 * rules). Only the parser makes them; the compiler to ta4j relies on their being well formed.
 */
public sealed interface Expression {

    /** What an expression yields on each bar. */
    enum Type {
        /** A number: a price, an indicator, a constant, arithmetic on them. */
        NUMBER("number"),
        /** True or false: a comparison, a cross, rising, falling, and, or, not. */
        RULE("rule");

        private final String word;

        Type(String word) {
            this.word = word;
        }

        /** @return in words: {@code number} or {@code rule} */
        public String word() {
            return word;
        }
    }

    /** @return what it yields */
    Type type();

    /** @return where it starts in the text, counting characters from 1 */
    int column();

    /**
     * @return the expression written the standard way, whatever the spacing of the original: one space around
     *         operators and after commas, parentheses only where needed, such as {@code rsi(close, 14) < 30}.
     *         Equal texts are equal expressions.
     */
    String text();

    /** @return bars before the first one on which its value is formed (see {@link Builtin}) */
    int unstableBars();

    /** @return how tightly it binds, for printing inside another */
    int precedence();

    /** A number as written, such as {@code 70} or {@code -0.5}. */
    record Literal(BigDecimal value, int column) implements Expression {

        public Literal {
            Objects.requireNonNull(value);
        }

        @Override
        public Type type() {
            return Type.NUMBER;
        }

        @Override
        public String text() {
            return value.stripTrailingZeros().toPlainString();
        }

        @Override
        public int unstableBars() {
            return 0;
        }

        @Override
        public int precedence() {
            return value.signum() < 0 ? Precedence.NEGATE : Precedence.ATOM;
        }
    }

    /** A price, an indicator or a rule function with its arguments, such as {@code close} or {@code sma(close, 20)}. */
    record Call(Builtin builtin, List<Expression> args, int column) implements Expression {

        public Call {
            Objects.requireNonNull(builtin);
            args = List.copyOf(args);
        }

        @Override
        public Type type() {
            return builtin.result();
        }

        @Override
        public String text() {
            return args.isEmpty() ? builtin.text()
                    : args.stream().map(Expression::text).collect(Collectors.joining(", ", builtin.text() + "(", ")"));
        }

        @Override
        public int unstableBars() {
            int inputs = 0;
            int[] wholes = new int[args.size()];
            int w = 0;
            for (int i = 0; i < args.size(); i++) {
                switch (builtin.params().get(i).kind()) {
                    case SERIES -> inputs = Math.max(inputs, args.get(i).unstableBars());
                    case WHOLE -> wholes[w++] = whole(i);
                    case POSITIVE -> {
                        // A multiplier: it looks back nowhere.
                    }
                }
            }
            return inputs + builtin.lookBack(wholes);
        }

        @Override
        public int precedence() {
            return Precedence.ATOM;
        }

        /** @return argument {@code index}, a whole number (a period or a bar count) */
        public int whole(int index) {
            return ((Literal) args.get(index)).value().intValueExact();
        }

        /** @return argument {@code index}, a number written as such (Bollinger's k) */
        public BigDecimal number(int index) {
            return ((Literal) args.get(index)).value();
        }
    }

    /** Two operands and an operator: arithmetic, a comparison, {@code and}, {@code or}. */
    record Binary(Operator operator, Expression left, Expression right) implements Expression {

        public Binary {
            Objects.requireNonNull(operator);
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }

        @Override
        public Type type() {
            return operator.result();
        }

        @Override
        public int column() {
            return left.column();
        }

        @Override
        public String text() {
            // Operators group from the left, so an equal operator on the right needs its parentheses: a - (b - c).
            String l = left.precedence() < precedence() ? "(" + left.text() + ")" : left.text();
            String r = right.precedence() <= precedence() ? "(" + right.text() + ")" : right.text();
            return l + " " + operator.symbol() + " " + r;
        }

        @Override
        public int unstableBars() {
            return Math.max(left.unstableBars(), right.unstableBars());
        }

        @Override
        public int precedence() {
            return operator.precedence();
        }
    }

    /** {@code not} a rule. */
    record Not(Expression operand, int column) implements Expression {

        public Not {
            Objects.requireNonNull(operand);
        }

        @Override
        public Type type() {
            return Type.RULE;
        }

        @Override
        public String text() {
            return "not " + (operand.precedence() < precedence() ? "(" + operand.text() + ")" : operand.text());
        }

        @Override
        public int unstableBars() {
            return operand.unstableBars();
        }

        @Override
        public int precedence() {
            return Precedence.NOT;
        }
    }

    /** Unary minus of a number series that is not a literal, such as {@code -macd(close, 12, 26)}. */
    record Negate(Expression operand, int column) implements Expression {

        public Negate {
            Objects.requireNonNull(operand);
        }

        @Override
        public Type type() {
            return Type.NUMBER;
        }

        @Override
        public String text() {
            return "-" + (operand.precedence() < precedence() ? "(" + operand.text() + ")" : operand.text());
        }

        @Override
        public int unstableBars() {
            return operand.unstableBars();
        }

        @Override
        public int precedence() {
            return Precedence.NEGATE;
        }
    }
}
