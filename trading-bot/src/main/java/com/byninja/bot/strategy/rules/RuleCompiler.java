package com.byninja.bot.strategy.rules;

import com.byninja.bot.config.rules.Builtin;
import com.byninja.bot.config.rules.Expression;
import com.byninja.bot.config.rules.Expression.Binary;
import com.byninja.bot.config.rules.Expression.Call;
import com.byninja.bot.config.rules.Expression.Literal;
import com.byninja.bot.config.rules.Expression.Negate;
import com.byninja.bot.config.rules.Expression.Not;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
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
import org.ta4j.core.indicators.numeric.BinaryOperation;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.AndRule;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.IsEqualRule;
import org.ta4j.core.rules.IsFallingRule;
import org.ta4j.core.rules.IsRisingRule;
import org.ta4j.core.rules.NotRule;
import org.ta4j.core.rules.OrRule;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.UnderIndicatorRule;

/**
 * Turns checked rules expressions into ta4j indicators and rules over one series. Identical sub-expressions (equal
 * {@link Expression#text()}) share one indicator, so {@code ema(close, 12)} in both the entry and the exit is
 * computed once a bar; each is wrapped by the given cache. Every indicator and rule is ta4j's own class. Used when a
 * strategy is built or explained, never while it decides a candle.
 */
public final class RuleCompiler {

    private final BarSeries series;
    private final UnaryOperator<Indicator<Num>> cache;
    /** Compiled number series by their text. */
    private final Map<String, Indicator<Num>> numbers = new HashMap<>();
    /** ta4j parts that other parts take by their own class (Bollinger's middle band, stochastic %K), by key. */
    private final Map<String, Object> parts = new HashMap<>();

    /**
     * @param series the series the indicators read
     * @param cache  wraps each distinct indicator once: {@code ClosedBarCache::of}, passed in because this package
     *               may not import {@code strategy} ({@code Strategies} imports every strategy; a cycle otherwise)
     */
    public RuleCompiler(BarSeries series, UnaryOperator<Indicator<Num>> cache) {
        this.series = series;
        this.cache = cache;
    }

    /**
     * @param e a number series
     * @return its indicator; the same object for every expression of the same text
     */
    public Indicator<Num> number(Expression e) {
        String key = e.text();
        Indicator<Num> known = numbers.get(key);
        if (known == null) {
            // Not computeIfAbsent: building an indicator compiles its arguments into the same map.
            known = e instanceof Literal literal ? new ConstantIndicator<>(series, series.numOf(literal.value()))
                    : cache.apply(build(e));
            numbers.put(key, known);
        }
        return known;
    }

    /**
     * @param e a rule
     * @return its ta4j rule
     */
    public Rule rule(Expression e) {
        if (e instanceof Binary b) {
            return switch (b.operator()) {
                case AND -> new AndRule(rule(b.left()), rule(b.right()));
                case OR -> new OrRule(rule(b.left()), rule(b.right()));
                case LESS -> new UnderIndicatorRule(number(b.left()), number(b.right()));
                case GREATER -> new OverIndicatorRule(number(b.left()), number(b.right()));
                case LESS_OR_EQUAL -> new OrRule(new UnderIndicatorRule(number(b.left()), number(b.right())),
                        new IsEqualRule(number(b.left()), number(b.right())));
                case GREATER_OR_EQUAL -> new OrRule(new OverIndicatorRule(number(b.left()), number(b.right())),
                        new IsEqualRule(number(b.left()), number(b.right())));
                case EQUAL -> new IsEqualRule(number(b.left()), number(b.right()));
                case NOT_EQUAL -> new NotRule(new IsEqualRule(number(b.left()), number(b.right())));
                case PLUS, MINUS, TIMES, DIVIDE -> throw notA("rule", e);
            };
        }
        if (e instanceof Not not) {
            return new NotRule(rule(not.operand()));
        }
        if (e instanceof Call c) {
            return switch (c.builtin()) {
                case CROSSED_UP -> new CrossedUpIndicatorRule(series(c, 0), series(c, 1));
                case CROSSED_DOWN -> new CrossedDownIndicatorRule(series(c, 0), series(c, 1));
                case RISING -> new IsRisingRule(series(c, 0), c.whole(1));
                case FALLING -> new IsFallingRule(series(c, 0), c.whole(1));
                default -> throw notA("rule", e);
            };
        }
        throw notA("rule", e);
    }

    private Indicator<Num> build(Expression e) {
        if (e instanceof Negate negate) {
            return BinaryOperation.difference(number(new Literal(BigDecimal.ZERO, negate.column())),
                    number(negate.operand()));
        }
        if (e instanceof Binary b) {
            Indicator<Num> left = number(b.left());
            Indicator<Num> right = number(b.right());
            return switch (b.operator()) {
                case PLUS -> BinaryOperation.sum(left, right);
                case MINUS -> BinaryOperation.difference(left, right);
                case TIMES -> BinaryOperation.product(left, right);
                case DIVIDE -> BinaryOperation.quotient(left, right);
                default -> throw notA("number", e);
            };
        }
        if (e instanceof Call c) {
            return call(c);
        }
        throw notA("number", e);
    }

    private Indicator<Num> call(Call c) {
        return switch (c.builtin()) {
            case OPEN -> new OpenPriceIndicator(series);
            case HIGH -> new HighPriceIndicator(series);
            case LOW -> new LowPriceIndicator(series);
            case CLOSE -> new ClosePriceIndicator(series);
            case VOLUME -> new VolumeIndicator(series);
            case OBV -> new OnBalanceVolumeIndicator(series);
            case SMA -> new SMAIndicator(series(c, 0), c.whole(1));
            case EMA -> new EMAIndicator(series(c, 0), c.whole(1));
            case WMA -> new WMAIndicator(series(c, 0), c.whole(1));
            case RSI -> new RSIIndicator(series(c, 0), c.whole(1));
            case MACD -> new MACDIndicator(series(c, 0), c.whole(1), c.whole(2));
            // The signal line is the EMA of the MACD line, and the histogram their difference, as in
            // MACDIndicator.getSignalLine and getHistogram, over the shared MACD line.
            case MACD_SIGNAL -> new EMAIndicator(number(macd(c)), c.whole(3));
            case MACD_HISTOGRAM -> BinaryOperation.difference(number(macd(c)),
                    number(new Call(Builtin.MACD_SIGNAL, c.args(), c.column())));
            case BOLLINGER_MIDDLE -> middle(c);
            case BOLLINGER_UPPER -> upper(c);
            case BOLLINGER_LOWER -> lower(c);
            case BOLLINGER_WIDTH -> new BollingerBandWidthIndicator(upper(c), middle(c), lower(c));
            case ATR -> new ATRIndicator(series, c.whole(0));
            case STOCH_K -> stochK(c.whole(0));
            case STOCH_D -> new StochasticOscillatorDIndicator(stochK(c.whole(0)));
            case ADX -> new ADXIndicator(series, c.whole(0));
            case CCI -> new CCIIndicator(series, c.whole(0));
            case VWAP -> new VWAPIndicator(series, c.whole(0));
            case HIGHEST -> new HighestValueIndicator(series(c, 0), c.whole(1));
            case LOWEST -> new LowestValueIndicator(series(c, 0), c.whole(1));
            case PREVIOUS -> new PreviousValueIndicator(series(c, 0), c.whole(1));
            case CROSSED_UP, CROSSED_DOWN, RISING, FALLING -> throw notA("number", c);
        };
    }

    private Indicator<Num> series(Call c, int index) {
        return number(c.args().get(index));
    }

    /** @return {@code macd(series, fast, slow)} of a call whose first three arguments are those */
    private static Call macd(Call c) {
        return new Call(Builtin.MACD, c.args().subList(0, 3), c.column());
    }

    /** Bollinger's middle band: the simple average of the series over the period, shared with {@code sma}. */
    private BollingerBandsMiddleIndicator middle(Call c) {
        Call sma = new Call(Builtin.SMA, c.args().subList(0, 2), c.column());
        return part(key("middle", sma.args()), () -> new BollingerBandsMiddleIndicator(number(sma)));
    }

    private BollingerBandsUpperIndicator upper(Call c) {
        return part(key("upper", c.args()), () -> new BollingerBandsUpperIndicator(middle(c), deviation(c),
                series.numOf(c.number(2))));
    }

    private BollingerBandsLowerIndicator lower(Call c) {
        return part(key("lower", c.args()), () -> new BollingerBandsLowerIndicator(middle(c), deviation(c),
                series.numOf(c.number(2))));
    }

    private StandardDeviationIndicator deviation(Call c) {
        return part(key("deviation", c.args().subList(0, 2)),
                () -> new StandardDeviationIndicator(series(c, 0), c.whole(1)));
    }

    private StochasticOscillatorKIndicator stochK(int period) {
        return part("stochK(" + period + ")", () -> new StochasticOscillatorKIndicator(series, period));
    }

    private static String key(String part, List<Expression> args) {
        return args.stream().map(Expression::text).collect(Collectors.joining(", ", part + "(", ")"));
    }

    @SuppressWarnings("unchecked")
    private <T> T part(String key, Supplier<T> make) {
        Object known = parts.get(key);
        if (known == null) {
            known = make.get();
            parts.put(key, known);
        }
        return (T) known;
    }

    private static IllegalArgumentException notA(String type, Expression e) {
        return new IllegalArgumentException("not a " + type + ": " + e.text());
    }
}
