package com.byninja.bot.config.rules;

import java.util.ArrayList;
import java.util.List;

/** Splits a rules expression into tokens: numbers, names, parentheses, commas and operators. */
final class Lexer {

    /** What a token is. */
    enum Kind {
        NUMBER, NAME, OPEN, CLOSE, COMMA, OPERATOR, END
    }

    /** One token: what it is, as written, and where it starts (from 1). */
    record Token(Kind kind, String text, int column) {

        /** @return the token for a message: {@code found 'sma'}, or {@code the text ended} */
        String found() {
            return kind == Kind.END ? "the text ended" : "found '" + text + "'";
        }

        boolean is(Kind k, String t) {
            return kind == k && text.equals(t);
        }
    }

    private Lexer() {
    }

    /** @return the tokens of {@code text}, ending with an {@link Kind#END} token one past its last character */
    static List<Token> tokens(String text) throws ExpressionException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (isDigit(c)) {
                i = number(text, i);
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start + 1));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.NAME, text.substring(start, i), start + 1));
            } else if (c == '(' || c == ')' || c == ',') {
                i++;
                tokens.add(new Token(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA, String.valueOf(c),
                        start + 1));
            } else {
                i = operator(text, i);
                tokens.add(new Token(Kind.OPERATOR, text.substring(start, i), start + 1));
            }
        }
        tokens.add(new Token(Kind.END, "", text.length() + 1));
        return tokens;
    }

    /** @return the end of the number at {@code i}: digits, and a decimal point followed by digits */
    private static int number(String text, int i) throws ExpressionException {
        int start = i;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '.') {
            i++;
            if (i >= text.length() || !isDigit(text.charAt(i))) {
                throw new ExpressionException(i + 1, "expected a digit after the decimal point of "
                        + text.substring(start, i));
            }
            while (i < text.length() && isDigit(text.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    /** @return the end of the operator at {@code i} */
    private static int operator(String text, int i) throws ExpressionException {
        char c = text.charAt(i);
        boolean equalsNext = i + 1 < text.length() && text.charAt(i + 1) == '=';
        switch (c) {
            case '<', '>' -> {
                return equalsNext ? i + 2 : i + 1;
            }
            case '+', '-', '*', '/' -> {
                return i + 1;
            }
            case '=', '!' -> {
                if (equalsNext) {
                    return i + 2;
                }
                throw new ExpressionException(i + 1, c == '=' ? "'=' is no operator; compare with '=='"
                        : "'!' is no operator; use not, or '!=' for not equal");
            }
            case '&' -> throw new ExpressionException(i + 1, "'&' is no operator; use and");
            case '|' -> throw new ExpressionException(i + 1, "'|' is no operator; use or");
            default -> throw new ExpressionException(i + 1, "unexpected character '" + c + "'");
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
