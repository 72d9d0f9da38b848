package com.byninja.bot.strategy.rules;

import static com.byninja.bot.strategy.rules.Rules.problem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each problem names its column, counting from 1, and what was expected there. */
class ParserErrorsTest {

    static final String KNOWN = "known: adx, atr, bollingerLower, bollingerMiddle, bollingerUpper, bollingerWidth, "
            + "cci, close, crossedDown, crossedUp, ema, falling, high, highest, low, lowest, macd, macdHistogram, "
            + "macdSignal, obv, open, previous, rising, rsi, sma, stochD, stochK, volume, vwap, wma";

    @Test
    void anUnknownNameListsTheKnownOnesAndSuggestsTheClosest() {
        assertThat(problem("crossedUp(close, open) and rsl(close, 14) < 70"))
                .isEqualTo("column 28: unknown indicator 'rsl' (did you mean rsi?); " + KNOWN);
        assertThat(problem("SMA(close, 3) > close")).isEqualTo("column 1: unknown indicator 'SMA' (did you mean sma?); "
                + KNOWN);
        assertThat(problem("crossUp(close, open)")).isEqualTo("column 1: unknown indicator 'crossUp' (did you mean "
                + "crossedUp?); " + KNOWN);
        assertThat(problem("close > foo")).isEqualTo("column 9: unknown indicator 'foo'; " + KNOWN);
    }

    @Test
    void aWrongNumberOfArgumentsShowsTheSignature() {
        assertThat(problem("ema(close) > 1")).isEqualTo("column 1: ema expects (series, period), got 1 argument");
        assertThat(problem("close > sma")).isEqualTo("column 9: sma expects (series, period), got no arguments");
        assertThat(problem("close > sma()")).isEqualTo("column 9: sma expects (series, period), got no arguments");
        assertThat(problem("macd(close, 12, 26, 9) > 0"))
                .isEqualTo("column 1: macd expects (series, fast, slow), got 4 arguments");
        assertThat(problem("crossedUp(close)"))
                .isEqualTo("column 1: crossedUp expects (series, series), got 1 argument");
        assertThat(problem("close() > 1")).isEqualTo("column 1: close takes no arguments; write close");
    }

    @Test
    void periodsAreWholeNumbersFromOneAndKIsAbove0() {
        assertThat(problem("sma(close, 2.5) > 1"))
                .isEqualTo("column 12: sma's period must be a whole number from 1 to 100000, got 2.5");
        assertThat(problem("sma(close, 0) > 1"))
                .isEqualTo("column 12: sma's period must be a whole number from 1 to 100000, got 0");
        assertThat(problem("sma(close,  -3) > 1"))
                .isEqualTo("column 13: sma's period must be a whole number from 1 to 100000, got -3");
        assertThat(problem("sma(close, 100001) > 1"))
                .isEqualTo("column 12: sma's period must be a whole number from 1 to 100000, got 100001");
        assertThat(problem("sma(close, open) > 1"))
                .isEqualTo("column 12: sma's period must be a whole number from 1 to 100000, got open");
        assertThat(problem("rising(close, 1 + 1)"))
                .isEqualTo("column 15: rising's bars must be a whole number from 1 to 100000, got 1 + 1");
        assertThat(problem("bollingerUpper(close, 20, 0) < close"))
                .isEqualTo("column 27: bollingerUpper's k must be a number above 0, such as 2, got 0");
        assertThat(problem("macd(close, 26, 12) > 0"))
                .isEqualTo("column 13: macd's fast period must be less than its slow period, got 26 and 12");
    }

    @Test
    void unbalancedParenthesesSayWhereTheTextEndedOrTheExtraOneIs() {
        assertThat(problem("(close > open")).isEqualTo("column 14: expected ')' but the text ended");
        assertThat(problem("crossedUp(ema(close, 12), ema(close, 26)")).isEqualTo(
                "column 41: expected ',' or ')' but the text ended");
        assertThat(problem("close > open)")).isEqualTo("column 13: unexpected ')' with no '(' before it");
        assertThat(problem("(close > open]")).isEqualTo("column 14: unexpected character ']'");
        assertThat(problem("sma(close 3) > 1")).isEqualTo("column 11: expected ',' or ')' but found '3'");
    }

    @Test
    void textAfterACompleteExpressionIsTrailingGarbage() {
        assertThat(problem("close > open open")).isEqualTo(
                "column 14: expected an operator, and, or, or the end of the text, but found 'open'");
        assertThat(problem("close > open, 3")).isEqualTo(
                "column 13: expected an operator, and, or, or the end of the text, but found ','");
    }

    @Test
    void aNumberIsNoRule() {
        assertThat(problem("rsi(close, 14)")).isEqualTo("column 1: expected a rule such as a comparison "
                + "(rsi(close, 14) < 30), crossedUp, crossedDown, rising or falling, got the number rsi(close, 14)");
        assertThat(problem("  70")).isEqualTo("column 3: expected a rule such as a comparison (rsi(close, 14) < 30), "
                + "crossedUp, crossedDown, rising or falling, got the number 70");
        assertThat(problem("close and 3")).isEqualTo("column 1: 'and' needs a rule on each side, got the number close");
        assertThat(problem("close > open or 3"))
                .isEqualTo("column 17: 'or' needs a rule on each side, got the number 3");
        assertThat(problem("not close")).isEqualTo("column 5: 'not' needs a rule, got the number close");
    }

    @Test
    void aRuleIsNoNumber() {
        assertThat(problem("crossedUp(close, open) + 1 > 2")).isEqualTo(
                "column 1: '+' needs a number on each side, got the rule crossedUp(close, open)");
        assertThat(problem("sma(close > open, 3) > 1")).isEqualTo(
                "column 5: sma's series must be a number, got the rule close > open");
        assertThat(problem("(close > open) > 1")).isEqualTo(
                "column 2: '>' needs a number on each side, got the rule close > open");
        assertThat(problem("-rising(close, 2)"))
                .isEqualTo("column 2: '-' needs a number, got the rule rising(close, 2)");
    }

    @Test
    void operatorsFromOtherLanguagesSayWhatToWrite() {
        assertThat(problem("close = open")).isEqualTo("column 7: '=' is no operator; compare with '=='");
        assertThat(problem("close > open && open > 1")).isEqualTo("column 14: '&' is no operator; use and");
        assertThat(problem("close > open || open > 1")).isEqualTo("column 14: '|' is no operator; use or");
        assertThat(problem("!rising(close, 2)")).isEqualTo("column 1: '!' is no operator; use not, or '!=' for not "
                + "equal");
        assertThat(problem("close > 1.")).isEqualTo("column 11: expected a digit after the decimal point of 1.");
        assertThat(problem("close > #")).isEqualTo("column 9: unexpected character '#'");
    }

    @Test
    void aMissingOperandSaysWhatWasFound() {
        assertThat(problem("")).isEqualTo("column 1: expected a number, a name or '(' but the text ended");
        assertThat(problem("close >")).isEqualTo("column 8: expected a number, a name or '(' but the text ended");
        assertThat(problem("close > > open")).isEqualTo("column 9: expected a number, a name or '(' but found '>'");
        assertThat(problem("close > open and or open > 1")).isEqualTo(
                "column 18: expected a number, a name or '(' but found 'or'");
    }

    @Test
    void comparisonsDoNotChain() {
        assertThat(problem("1 < close < 3")).isEqualTo(
                "column 11: comparisons do not chain; join them with and, as in a < b and b < c");
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "(".repeat(65) + "close > open" + ")".repeat(65);

        assertThat(problem(deep)).isEqualTo("column 65: nested more than 64 deep");
        assertThat(problem("-".repeat(10_000) + "close > 0")).isEqualTo("column 65: nested more than 64 deep");
        assertThat(Rules.rule("(".repeat(64) + "close > open" + ")".repeat(64)).text()).isEqualTo("close > open");
    }
}
