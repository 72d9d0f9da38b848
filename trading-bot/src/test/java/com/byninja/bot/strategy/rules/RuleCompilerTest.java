package com.byninja.bot.strategy.rules;

import static com.byninja.bot.strategy.rules.Rules.number;
import static com.byninja.bot.strategy.rules.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.marketdata.CandleSeries;
import com.byninja.bot.strategy.ClosedBarCache;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.Rule;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.WMAIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandWidthIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.ConstantIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.helpers.OpenPriceIndicator;
import org.ta4j.core.indicators.helpers.PreviousValueIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.Num;

/** Expressions compile to ta4j's own indicators and rules, which give exactly what the classes built by hand give. */
class RuleCompilerTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");

    /** Thirty closes that rise, dip and rise again; each candle opens at the close before, its range one wider. */
    static final int[] CLOSES = {10, 12, 11, 13, 15, 14, 16, 18, 17, 15, 13, 14, 16, 19, 21, 20, 18, 17, 19, 22, 24,
        23, 21, 20, 22, 25, 27, 26, 24, 25};

    /** @return candles of {@code closes}: open at the close before, high and low one beyond, volume 1 to 4 */
    static BarSeries series(int... closes) {
        CandleSeries series = new CandleSeries(BTC, 1000);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < closes.length; i++) {
            BigDecimal close = BigDecimal.valueOf(closes[i]);
            BigDecimal open = BigDecimal.valueOf(closes[Math.max(0, i - 1)]);
            series.add(new Candle(BTC, t.plus(Duration.ofMinutes(i)), Duration.ofMinutes(1), open,
                    open.max(close).add(BigDecimal.ONE), open.min(close).subtract(BigDecimal.ONE), close,
                    BigDecimal.valueOf(1 + i % 4)));
        }
        return series.series();
    }

    static Indicator<Num> compiled(BarSeries s, String expression) {
        return new RuleCompiler(s, ClosedBarCache::of).number(number(expression));
    }

    static Stream<Arguments> everyIndicator() {
        List<Arguments> all = new ArrayList<>();
        add(all, "open", OpenPriceIndicator::new);
        add(all, "high", HighPriceIndicator::new);
        add(all, "low", LowPriceIndicator::new);
        add(all, "close", ClosePriceIndicator::new);
        add(all, "volume", VolumeIndicator::new);
        add(all, "sma(close, 3)", s -> new SMAIndicator(new ClosePriceIndicator(s), 3));
        add(all, "ema(close, 5)", s -> new EMAIndicator(new ClosePriceIndicator(s), 5));
        add(all, "wma(close, 4)", s -> new WMAIndicator(new ClosePriceIndicator(s), 4));
        add(all, "rsi(close, 6)", s -> new RSIIndicator(new ClosePriceIndicator(s), 6));
        add(all, "macd(close, 3, 6)", s -> new MACDIndicator(new ClosePriceIndicator(s), 3, 6));
        add(all, "macdSignal(close, 3, 6, 4)", s -> new MACDIndicator(new ClosePriceIndicator(s), 3, 6)
                .getSignalLine(4));
        add(all, "macdHistogram(close, 3, 6, 4)", s -> new MACDIndicator(new ClosePriceIndicator(s), 3, 6)
                .getHistogram(4));
        add(all, "bollingerMiddle(close, 5, 2)", s -> middle(s, 5));
        add(all, "bollingerUpper(close, 5, 2)", s -> upper(s, 5, "2"));
        add(all, "bollingerLower(close, 5, 1.5)", s -> lower(s, 5, "1.5"));
        add(all, "bollingerWidth(close, 5, 2)", s -> new BollingerBandWidthIndicator(upper(s, 5, "2"), middle(s, 5),
                lower(s, 5, "2")));
        add(all, "atr(5)", s -> new ATRIndicator(s, 5));
        add(all, "stochK(5)", s -> new StochasticOscillatorKIndicator(s, 5));
        add(all, "stochD(5)", s -> new StochasticOscillatorDIndicator(new StochasticOscillatorKIndicator(s, 5)));
        add(all, "adx(3)", s -> new ADXIndicator(s, 3));
        add(all, "cci(5)", s -> new CCIIndicator(s, 5));
        add(all, "obv", OnBalanceVolumeIndicator::new);
        add(all, "vwap(4)", s -> new VWAPIndicator(s, 4));
        add(all, "highest(high, 4)", s -> new HighestValueIndicator(new HighPriceIndicator(s), 4));
        add(all, "lowest(low, 4)", s -> new LowestValueIndicator(new LowPriceIndicator(s), 4));
        add(all, "previous(close, 2)", s -> new PreviousValueIndicator(new ClosePriceIndicator(s), 2));
        add(all, "sma(ema(close, 5), 3)", s -> new SMAIndicator(new EMAIndicator(new ClosePriceIndicator(s), 5), 3));
        add(all, "close + open", s -> NumericIndicator.closePrice(s).plus(new OpenPriceIndicator(s)));
        add(all, "close - open", s -> NumericIndicator.closePrice(s).minus(new OpenPriceIndicator(s)));
        add(all, "close * 2.5", s -> NumericIndicator.closePrice(s).multipliedBy(new BigDecimal("2.5")));
        add(all, "close / volume", s -> NumericIndicator.closePrice(s).dividedBy(new VolumeIndicator(s)));
        add(all, "-close", s -> NumericIndicator.closePrice(s).multipliedBy(-1));
        add(all, "(high - low) / close * 100", s -> NumericIndicator.of(new HighPriceIndicator(s))
                .minus(new LowPriceIndicator(s)).dividedBy(new ClosePriceIndicator(s)).multipliedBy(100));
        return all.stream();
    }

    private static void add(List<Arguments> all, String expression, Function<BarSeries, Indicator<Num>> direct) {
        all.add(arguments(expression, direct));
    }

    private static BollingerBandsMiddleIndicator middle(BarSeries s, int n) {
        return new BollingerBandsMiddleIndicator(new SMAIndicator(new ClosePriceIndicator(s), n));
    }

    private static BollingerBandsUpperIndicator upper(BarSeries s, int n, String k) {
        return new BollingerBandsUpperIndicator(middle(s, n), new StandardDeviationIndicator(new ClosePriceIndicator(s),
                n), s.numOf(new BigDecimal(k)));
    }

    private static BollingerBandsLowerIndicator lower(BarSeries s, int n, String k) {
        return new BollingerBandsLowerIndicator(middle(s, n), new StandardDeviationIndicator(new ClosePriceIndicator(s),
                n), s.numOf(new BigDecimal(k)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyIndicator")
    void everyIndicatorGivesExactlyWhatTa4jsClassGives(String expression, Function<BarSeries, Indicator<Num>> direct) {
        BarSeries s = series(CLOSES);
        Indicator<Num> mine = compiled(s, expression);
        Indicator<Num> theirs = direct.apply(s);

        List<Num> expected = new ArrayList<>();
        List<Num> actual = new ArrayList<>();
        for (int i = 0; i <= s.getEndIndex(); i++) {
            expected.add(theirs.getValue(i));
            actual.add(mine.getValue(i));
        }

        assertThat(actual).hasSize(CLOSES.length).isEqualTo(expected);
        assertThat(mine).isInstanceOf(ClosedBarCache.class);
    }

    @Test
    void valuesAreTheOnesAPersonComputes() {
        BarSeries s = series(CLOSES);

        // (10 + 12 + 11) / 3 and (12 + 11 + 13) / 3
        assertThat(compiled(s, "sma(close, 3)").getValue(2)).isEqualTo(s.numOf(11));
        assertThat(compiled(s, "sma(close, 3)").getValue(3)).isEqualTo(s.numOf(12));
        // The close two bars before bar 5 is bar 3's, 13.
        assertThat(compiled(s, "previous(close, 2)").getValue(5)).isEqualTo(s.numOf(13));
        // Highs of bars 2 to 4: 13, 14, 16.
        assertThat(compiled(s, "highest(high, 3)").getValue(4)).isEqualTo(s.numOf(16));
        // Bar 4 opens at 13 and closes at 15.
        assertThat(compiled(s, "(close - open) / 2").getValue(4)).isEqualTo(s.numOf(1));
        assertThat(compiled(s, "-close").getValue(1)).isEqualTo(s.numOf(-12));
        assertThat(compiled(s, "close * 2 + 1").getValue(0)).isEqualTo(s.numOf(21));
        assertThat(compiled(s, "close / 4").getValue(1)).isEqualTo(s.numOf(3));
        assertThat(compiled(s, "0.5").getValue(7)).isEqualTo(s.numOf(new BigDecimal("0.5")));
    }

    /** Closes 10, 12, 11, 11, 13, 9, 10, 12, 11, 10: each rule's verdict on bars 0 to 9, 1 for yes. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "close > 11                   | 0100100100",
        "close < 11                   | 1000011001",
        "close >= 11                  | 0111100110",
        "close <= 11                  | 1011011011",
        "close == 11                  | 0011000010",
        "close != 11                  | 1100111101",
        "close + 1 > 12               | 0100100100",
        "crossedUp(close, 11)         | 0100000100",
        "crossedDown(close, 11)       | 0000010001",
        "rising(close, 2)             | 0000000100",
        "falling(close, 2)            | 0000000001",
        "falling(close, 1)            | 0010010011",
        "not close > 11               | 1011011011",
        "close > 11 and close < 13    | 0100000100",
        "close < 10 or close > 12     | 0000110000",
        "not (close < 10 or close > 12) | 1111001111",
    })
    void eachOperatorAndRuleFunctionHoldsOnTheBarsAPersonExpects(String text, String verdicts) {
        BarSeries s = series(10, 12, 11, 11, 13, 9, 10, 12, 11, 10);
        Rule r = new RuleCompiler(s, ClosedBarCache::of).rule(rule(text));

        StringBuilder actual = new StringBuilder();
        for (int i = 0; i <= s.getEndIndex(); i++) {
            actual.append(r.isSatisfied(i) ? '1' : '0');
        }

        assertThat(actual).hasToString(verdicts);
    }

    @Test
    void theSameSubExpressionIsOneIndicatorHoweverItIsSpaced() {
        RuleCompiler compiler = new RuleCompiler(series(CLOSES), ClosedBarCache::of);

        assertThat(compiler.number(number("ema(close,12)"))).isSameAs(compiler.number(number("ema( close , 12 )")));
        assertThat(compiler.number(number("70"))).isInstanceOf(ConstantIndicator.class);
    }

    @Test
    void theEntryAndTheExitShareTheirIndicatorsAndConstantsAreNotCached() {
        List<String> wrapped = new ArrayList<>();
        RuleCompiler compiler = new RuleCompiler(series(CLOSES), i -> {
            wrapped.add(i.getClass().getSimpleName());
            return ClosedBarCache.of(i);
        });

        compiler.rule(rule("crossedUp(ema(close, 12), ema(close, 26)) and rsi(close, 14) < 70"));
        compiler.rule(rule("crossedDown(ema(close, 12), ema(close, 26)) or rsi(close, 14) > 80"));
        compiler.rule(rule("macdHistogram(close, 12, 26, 9) > 0 and macd(close, 12, 26) > macdSignal(close, 12, 26, "
                + "9)"));

        assertThat(wrapped).containsExactly("ClosePriceIndicator", "EMAIndicator", "EMAIndicator", "RSIIndicator",
                "MACDIndicator", "EMAIndicator", "BinaryOperation");
    }
}
