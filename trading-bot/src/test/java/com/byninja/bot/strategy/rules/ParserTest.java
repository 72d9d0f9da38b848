package com.byninja.bot.strategy.rules;

import static com.byninja.bot.strategy.rules.Rules.number;
import static com.byninja.bot.strategy.rules.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.config.rules.Builtin;
import com.byninja.bot.config.rules.Expression;
import com.byninja.bot.config.rules.Expression.Binary;
import com.byninja.bot.config.rules.Expression.Call;
import com.byninja.bot.config.rules.Expression.Literal;
import com.byninja.bot.config.rules.Expression.Negate;
import com.byninja.bot.config.rules.Expression.Not;
import com.byninja.bot.config.rules.Expression.Type;
import java.math.BigDecimal;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How rules expressions are read: precedence, grouping, the standard text, columns and look-back. */
class ParserTest {

    /** @return the tree fully parenthesised, operator first: {@code (and (> close open) (< close 2))} */
    static String tree(Expression e) {
        if (e instanceof Literal l) {
            return l.text();
        }
        if (e instanceof Call c) {
            return c.args().isEmpty() ? c.builtin().text() : c.args().stream().map(ParserTest::tree)
                    .collect(Collectors.joining(" ", "(" + c.builtin().text() + " ", ")"));
        }
        if (e instanceof Binary b) {
            return "(" + b.operator().symbol() + " " + tree(b.left()) + " " + tree(b.right()) + ")";
        }
        if (e instanceof Not n) {
            return "(not " + tree(n.operand()) + ")";
        }
        return "(neg " + tree(((Negate) e).operand()) + ")";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "close > open and volume > 1 or close < 2 | (or (and (> close open) (> volume 1)) (< close 2))",
        "close < 2 or close > open and volume > 1 | (or (< close 2) (and (> close open) (> volume 1)))",
        "close > 1 and close > 2 and close > 3    | (and (and (> close 1) (> close 2)) (> close 3))",
        "close > 1 or close > 2 or close > 3      | (or (or (> close 1) (> close 2)) (> close 3))",
        "not close > open and open > 1            | (and (not (> close open)) (> open 1))",
        "not (close > open and open > 1)          | (not (and (> close open) (> open 1)))",
        "not not close > open                     | (not (not (> close open)))",
        "close + open * 2 > 0                     | (> (+ close (* open 2)) 0)",
        "(close + open) * 2 > 0                   | (> (* (+ close open) 2) 0)",
        "close - open - 1 > 0                     | (> (- (- close open) 1) 0)",
        "close - (open - 1) > 0                   | (> (- close (- open 1)) 0)",
        "close / open / 2 > 0                     | (> (/ (/ close open) 2) 0)",
        "close * open / 2 > 0                     | (> (/ (* close open) 2) 0)",
        "-close * 2 > -3                          | (> (* (neg close) 2) -3)",
        "close > -(open - 1)                      | (> close (neg (- open 1)))",
        "close - -2 > 0                           | (> (- close -2) 0)",
        "close + 1 >= open * 2                    | (>= (+ close 1) (* open 2))",
        "crossedUp(close, sma(close, 3)) or rising(close, 2) | (or (crossedUp close (sma close 3)) (rising close 2))",
    })
    void operatorsBindByPrecedenceAndGroupFromTheLeft(String text, String tree) {
        assertThat(tree(rule(text))).isEqualTo(tree);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "crossedUp( ema(close,12),ema(close , 26))and rsi(close,14)<70 "
                + "| crossedUp(ema(close, 12), ema(close, 26)) and rsi(close, 14) < 70",
        "((close - open)) - 1 > 0.50                | close - open - 1 > 0.5",
        "close-(open-1)>0                           | close - (open - 1) > 0",
        "not(close>open or open>1)                  | not (close > open or open > 1)",
        "(close > open or open > 1) and close > 2   | (close > open or open > 1) and close > 2",
        "-(close) * 2 <= -(3)                       | -close * 2 <= -3",
        "close == 007.000                           | close == 7",
    })
    void theStandardTextSpacesOperatorsAndKeepsOnlyTheParenthesesNeeded(String text, String standard) {
        assertThat(rule(text).text()).isEqualTo(standard);
        assertThat(rule(standard).text()).isEqualTo(standard);
    }

    @Test
    void aCallKnowsItsBuiltinArgumentsAndColumn() {
        Binary b = (Binary) rule("close > sma(close, 20)");

        assertThat(b.type()).isEqualTo(Type.RULE);
        assertThat(b.column()).isEqualTo(1);
        Call sma = (Call) b.right();
        assertThat(sma.builtin()).isEqualTo(Builtin.SMA);
        assertThat(sma.column()).isEqualTo(9);
        assertThat(sma.type()).isEqualTo(Type.NUMBER);
        assertThat(sma.args().get(1).column()).isEqualTo(20);
        assertThat(sma.whole(1)).isEqualTo(20);
    }

    @Test
    void decimalsAndNegativeNumbersAreExact() {
        assertThat(((Literal) number("0.1")).value()).isEqualTo(new BigDecimal("0.1"));
        assertThat(((Literal) number("-2.50")).value()).isEqualTo(new BigDecimal("-2.50"));
        assertThat(number("-2.50").column()).isEqualTo(1);
        assertThat(((Call) number("bollingerUpper(close, 20, 2.5)")).number(2)).isEqualTo(new BigDecimal("2.5"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "close > open                                  | 0",
        "close > 61000.5                               | 0",
        "close > sma(close, 200)                       | 199",
        "crossedUp(sma(close, 2), sma(close, 3))       | 3",
        "crossedUp(ema(close, 12), ema(close, 26)) and rsi(close, 14) < 70 and close > sma(close, 200) | 199",
        "crossedDown(ema(close, 12), ema(close, 26)) or rsi(close, 14) > 80 | 26",
        "rsi(close, 14) < 30                           | 14",
        "sma(ema(close, 10), 5) > close                | 13",
        "previous(sma(close, 3), 2) > 0                | 4",
        "close > previous(close, 1)                    | 1",
        "rising(rsi(close, 14), 3)                     | 17",
        "falling(close, 5)                             | 5",
        "not rising(close, 2)                          | 2",
        "adx(14) > 25                                  | 27",
        "macd(close, 12, 26) > 0                       | 25",
        "macdSignal(close, 12, 26, 9) > 0              | 33",
        "macdHistogram(close, 12, 26, 9) > 0           | 33",
        "stochK(14) < 20                               | 13",
        "stochD(14) < 20                               | 15",
        "atr(14) > 100                                 | 14",
        "cci(20) > 100                                 | 19",
        "obv > sma(obv, 10)                            | 10",
        "vwap(20) < close                              | 19",
        "bollingerWidth(close, 20, 2) < 5              | 19",
        "close < bollingerLower(close, 20, 2) and wma(close, 9) > highest(high, 5) - lowest(low, 7) | 19",
        "wma(close, 9) > highest(high, 5) - lowest(low, 7) | 8",
        "crossedUp(close, bollingerUpper(close, 20, 2)) | 20",
        // docs/strategies.md's two examples
        "crossedUp(macd(close, 12, 26), macdSignal(close, 12, 26, 9)) and adx(14) > 25 | 34",
        "crossedDown(macd(close, 12, 26), macdSignal(close, 12, 26, 9)) or close < bollingerLower(close, 20, 2) | 34",
        "close < bollingerLower(close, 20, 2) and falling(close, 3) and stochK(14) < 20 | 19",
        "close > bollingerMiddle(close, 20, 2) or (close - previous(close, 1)) / previous(close, 1) * 100 < -3 | 19",
    })
    void unstableBarsAreTheLongestLookBack(String text, int bars) {
        assertThat(rule(text).unstableBars()).isEqualTo(bars);
    }
}
