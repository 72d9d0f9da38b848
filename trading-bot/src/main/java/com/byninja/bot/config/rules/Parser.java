package com.byninja.bot.config.rules;

import com.byninja.bot.config.rules.Builtin.Param;
import com.byninja.bot.config.rules.Expression.Binary;
import com.byninja.bot.config.rules.Expression.Call;
import com.byninja.bot.config.rules.Expression.Literal;
import com.byninja.bot.config.rules.Expression.Negate;
import com.byninja.bot.config.rules.Expression.Not;
import com.byninja.bot.config.rules.Expression.Type;
import com.byninja.bot.config.rules.Lexer.Kind;
import com.byninja.bot.config.rules.Lexer.Token;
import com.byninja.runtime.config.KeySuggestions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a rules expression by recursive descent and checks it as it goes: names, argument counts and kinds, operand
 * types. The first problem stops it, with its column. The grammar, loosest first:
 *
 * <pre>
 * rule       = or
 * or         = and { "or" and }
 * and        = not { "and" not }
 * not        = "not" not | comparison
 * comparison = sum [ ("&lt;" | "&gt;" | "&lt;=" | "&gt;=" | "==" | "!=") sum ]
 * sum        = product { ("+" | "-") product }
 * product    = unary { ("*" | "/") unary }
 * unary      = "-" unary | atom
 * atom       = number | name [ "(" [ or { "," or } ] ")" ] | "(" or ")"
 * </pre>
 */
public final class Parser {

    /** Parentheses, calls, nots and minuses nested deeper than this are refused rather than risking the stack. */
    static final int MAX_DEPTH = 64;

    private static final BigDecimal MAX_WHOLE = BigDecimal.valueOf(Builtin.MAX_WHOLE);

    private final List<Token> tokens;
    private int next;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * @param text an entry or exit rule, such as {@code crossedUp(ema(close, 12), ema(close, 26)) and rsi(close, 14)
     *             < 70}
     * @return it, read and checked; its type is {@link Type#RULE}
     * @throws ExpressionException at the first problem, with its column
     */
    public static Expression parseRule(String text) throws ExpressionException {
        Parser parser = new Parser(Lexer.tokens(text));
        Expression rule = parser.or();
        Token end = parser.peek();
        if (end.kind() != Kind.END) {
            throw new ExpressionException(end.column(), end.kind() == Kind.CLOSE
                    ? "unexpected ')' with no '(' before it"
                    : "expected an operator, and, or, or the end of the text, but " + end.found());
        }
        if (rule.type() != Type.RULE) {
            throw new ExpressionException(rule.column(), "expected a rule such as a comparison (rsi(close, 14) < 30), "
                    + "crossedUp, crossedDown, rising or falling, got the number " + rule.text());
        }
        return rule;
    }

    private Expression or() throws ExpressionException {
        Expression left = and();
        while (peek().is(Kind.NAME, "or")) {
            next++;
            left = binary(Operator.OR, left, and());
        }
        return left;
    }

    private Expression and() throws ExpressionException {
        Expression left = not();
        while (peek().is(Kind.NAME, "and")) {
            next++;
            left = binary(Operator.AND, left, not());
        }
        return left;
    }

    private Expression not() throws ExpressionException {
        if (!peek().is(Kind.NAME, "not")) {
            return comparison();
        }
        Token not = take();
        enter(not);
        Expression operand = not();
        depth--;
        expect(operand, Type.RULE, "'not' needs a rule");
        return new Not(operand, not.column());
    }

    private Expression comparison() throws ExpressionException {
        Expression left = sum();
        Operator op = operatorAt(true);
        if (op == null) {
            return left;
        }
        next++;
        Expression compared = binary(op, left, sum());
        if (operatorAt(true) != null) {
            throw new ExpressionException(peek().column(), "comparisons do not chain; join them with and, as in "
                    + "a < b and b < c");
        }
        return compared;
    }

    private Expression sum() throws ExpressionException {
        Expression left = product();
        for (Operator op = operatorAt(false); op == Operator.PLUS || op == Operator.MINUS; op = operatorAt(false)) {
            next++;
            left = binary(op, left, product());
        }
        return left;
    }

    private Expression product() throws ExpressionException {
        Expression left = unary();
        for (Operator op = operatorAt(false); op == Operator.TIMES || op == Operator.DIVIDE; op = operatorAt(false)) {
            next++;
            left = binary(op, left, unary());
        }
        return left;
    }

    private Expression unary() throws ExpressionException {
        if (!peek().is(Kind.OPERATOR, "-")) {
            return atom();
        }
        Token minus = take();
        enter(minus);
        Expression operand = unary();
        depth--;
        if (operand instanceof Literal literal) {
            return new Literal(literal.value().negate(), minus.column());
        }
        expect(operand, Type.NUMBER, "'-' needs a number");
        return new Negate(operand, minus.column());
    }

    private Expression atom() throws ExpressionException {
        Token t = take();
        switch (t.kind()) {
            case NUMBER -> {
                return new Literal(new BigDecimal(t.text()), t.column());
            }
            case OPEN -> {
                enter(t);
                Expression inner = or();
                expectClose();
                depth--;
                return inner;
            }
            case NAME -> {
                if (!List.of("and", "or", "not").contains(t.text())) {
                    return call(t);
                }
            }
            default -> {
            }
        }
        throw new ExpressionException(t.column(), "expected a number, a name or '(' but " + t.found());
    }

    private Expression call(Token name) throws ExpressionException {
        Builtin builtin = Builtin.named(name.text());
        if (builtin == null) {
            String guess = KeySuggestions.nearest(name.text(), Builtin.names()).map(n -> " (did you mean " + n + "?)")
                    .orElse("");
            throw new ExpressionException(name.column(), "unknown indicator '" + name.text() + "'" + guess + "; known: "
                    + String.join(", ", Builtin.names()));
        }
        List<Expression> args = new ArrayList<>();
        boolean parentheses = peek().kind() == Kind.OPEN;
        if (parentheses) {
            enter(take());
            if (peek().kind() != Kind.CLOSE) {
                args.add(or());
                while (peek().kind() == Kind.COMMA) {
                    next++;
                    args.add(or());
                }
            }
            if (peek().kind() != Kind.CLOSE) {
                throw new ExpressionException(peek().column(), "expected ',' or ')' but " + peek().found());
            }
            next++;
            depth--;
        }
        List<Param> params = builtin.params();
        if (params.isEmpty() && parentheses) {
            throw new ExpressionException(name.column(), builtin.text() + " takes no arguments; write "
                    + builtin.text());
        }
        if (args.size() != params.size()) {
            throw new ExpressionException(name.column(), builtin.text() + " expects " + builtin.signature() + ", got "
                    + (args.isEmpty() ? "no arguments" : args.size() == 1 ? "1 argument" : args.size() + " arguments"));
        }
        for (int i = 0; i < args.size(); i++) {
            argument(builtin, params.get(i), args.get(i));
        }
        fastBeforeSlow(builtin, args);
        return new Call(builtin, args, name.column());
    }

    private static void argument(Builtin builtin, Param param, Expression arg) throws ExpressionException {
        String what = builtin.text() + "'s " + param.label();
        switch (param.kind()) {
            case SERIES -> expect(arg, Type.NUMBER, what + " must be a number");
            case WHOLE -> {
                if (!(arg instanceof Literal literal) || literal.value().stripTrailingZeros().scale() > 0
                        || literal.value().signum() <= 0 || literal.value().compareTo(MAX_WHOLE) > 0) {
                    throw new ExpressionException(arg.column(), what + " must be a whole number from 1 to "
                            + Builtin.MAX_WHOLE + ", got " + arg.text());
                }
            }
            case POSITIVE -> {
                if (!(arg instanceof Literal literal) || literal.value().signum() <= 0) {
                    throw new ExpressionException(arg.column(), what + " must be a number above 0, such as 2, got "
                            + arg.text());
                }
            }
        }
    }

    /** MACD's fast average must be shorter than its slow one, as ta4j requires. */
    private static void fastBeforeSlow(Builtin builtin, List<Expression> args) throws ExpressionException {
        int fast = builtin.params().indexOf(Param.FAST);
        int slow = builtin.params().indexOf(Param.SLOW);
        if (fast >= 0 && slow >= 0) {
            BigDecimal f = ((Literal) args.get(fast)).value();
            BigDecimal s = ((Literal) args.get(slow)).value();
            if (f.compareTo(s) >= 0) {
                throw new ExpressionException(args.get(fast).column(), builtin.text() + "'s fast period must be less "
                        + "than its slow period, got " + f.toPlainString() + " and " + s.toPlainString());
            }
        }
    }

    private static Expression binary(Operator op, Expression left, Expression right) throws ExpressionException {
        String needs = "'" + op.symbol() + "' needs a " + op.operands().word() + " on each side";
        expect(left, op.operands(), needs);
        expect(right, op.operands(), needs);
        return new Binary(op, left, right);
    }

    /** @throws ExpressionException saying {@code needs}, got the other type, when {@code e} is not of {@code type} */
    private static void expect(Expression e, Type type, String needs) throws ExpressionException {
        if (e.type() != type) {
            throw new ExpressionException(e.column(), needs + ", got the " + e.type().word() + " " + e.text());
        }
    }

    private void expectClose() throws ExpressionException {
        Token t = take();
        if (t.kind() != Kind.CLOSE) {
            throw new ExpressionException(t.column(), "expected ')' but " + t.found());
        }
    }

    private void enter(Token open) throws ExpressionException {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionException(open.column(), "nested more than " + MAX_DEPTH + " deep");
        }
    }

    /** @return the operator at the next token when it is a comparison ({@code comparison}) or not, else null */
    private Operator operatorAt(boolean comparison) {
        Token t = peek();
        Operator op = t.kind() == Kind.OPERATOR ? Operator.of(t.text()) : null;
        return op != null && op.comparison() == comparison ? op : null;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token t = tokens.get(next);
        if (t.kind() != Kind.END) {
            next++;
        }
        return t;
    }
}
