package com.byninja.bot.strategy;

import com.byninja.bot.config.rules.ExpressionException;
import com.byninja.bot.config.rules.Parser;
import com.byninja.strategy.api.Decision;
import com.byninja.strategy.api.ParameterException;
import com.byninja.strategy.api.Parameters;
import com.byninja.strategy.api.StrategyContext;
import com.byninja.strategy.api.StrategyPlugin;
import com.byninja.strategy.api.SymbolStrategy;
import java.math.BigDecimal;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Strategy;

/**
 * The built-in strategies as plug-ins, listed in {@code META-INF/services/com.byninja.strategy.api.StrategyPlugin}, so
 * that the bot finds them as it finds any other. Each reads its settings from its own configuration section, handed
 * over as parameters ({@code strategy.smaCross.fastPeriod} as {@code fastPeriod}), and makes the {@link TradingStrategy}
 * of ta4j rules it always was; the bot evaluates those rules itself ({@link TradingStrategy#signalAt}), without a
 * context per candle.
 */
public final class BuiltInPlugins {

    private BuiltInPlugins() {
    }

    /** A built-in strategy: a {@link TradingStrategy} of ta4j rules made from its section's settings. */
    public abstract static class BuiltIn implements StrategyPlugin {

        /**
         * @param parameters the section's settings, as {@code ConfigReader} hands them over
         * @return the strategy
         * @throws ParameterException when a setting is wrong
         */
        public abstract TradingStrategy strategy(Parameters parameters);

        @Override
        public String describe(Parameters parameters) {
            return strategy(parameters).description();
        }

        @Override
        public SymbolStrategy create(BarSeries series, Parameters parameters) {
            return new RulesOnSeries(strategy(parameters), series);
        }
    }

    /** {@code sma-cross}: {@code fastPeriod}, {@code slowPeriod}. */
    public static final class SmaCross extends BuiltIn {

        @Override
        public String name() {
            return SmaCrossStrategy.NAME;
        }

        @Override
        public TradingStrategy strategy(Parameters p) {
            int fast = p.wholeNumber("fastPeriod", 9, 1, 10_000);
            int slow = p.wholeNumber("slowPeriod", 21, 2, 10_000);
            if (fast >= slow) {
                throw new ParameterException("fastPeriod", "must be less than slowPeriod (" + slow + "), got " + fast);
            }
            return new SmaCrossStrategy(fast, slow);
        }
    }

    /** {@code rsi}: {@code period}, {@code oversold}, {@code overbought}. */
    public static final class Rsi extends BuiltIn {

        private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

        @Override
        public String name() {
            return RsiStrategy.NAME;
        }

        @Override
        public TradingStrategy strategy(Parameters p) {
            int period = p.wholeNumber("period", 14, 2, 10_000);
            BigDecimal oversold = p.decimal("oversold", BigDecimal.valueOf(30), BigDecimal.ZERO, HUNDRED);
            BigDecimal overbought = p.decimal("overbought", BigDecimal.valueOf(70), BigDecimal.ZERO, HUNDRED);
            if (oversold.compareTo(overbought) >= 0) {
                throw new ParameterException("oversold", "must be less than overbought (" + overbought.toPlainString()
                        + "), got " + oversold.toPlainString());
            }
            return new RsiStrategy(period, oversold, overbought);
        }
    }

    /** {@code rules}: {@code entry}, {@code exit}, expressions as written. */
    public static final class Rules extends BuiltIn {

        @Override
        public String name() {
            return RulesStrategy.NAME;
        }

        @Override
        public TradingStrategy strategy(Parameters p) {
            return new RulesStrategy(rule(p, "entry"), rule(p, "exit"));
        }

        private static com.byninja.bot.config.rules.Expression rule(Parameters p, String name) {
            String text = p.text(name, "");
            if (text.isBlank()) {
                throw new ParameterException(name, "the rules strategy needs an " + name + " rule, got nothing");
            }
            try {
                return Parser.parseRule(text);
            } catch (ExpressionException e) {
                throw new ParameterException(name, e.getMessage());
            }
        }
    }

    /** A built-in strategy asked as a plug-in is: its rules on one series, each candle's signal as a decision. */
    private static final class RulesOnSeries implements SymbolStrategy {

        private final TradingStrategy strategy;
        private final Strategy rules;

        RulesOnSeries(TradingStrategy strategy, BarSeries series) {
            this.strategy = strategy;
            this.rules = strategy.build(series);
        }

        @Override
        public int unstableBars() {
            return rules.getUnstableBars();
        }

        @Override
        public Decision decide(StrategyContext context) {
            return switch (TradingStrategy.signalAt(rules, context.series())) {
                case BUY -> Decision.enter();
                case SELL -> Decision.exit();
                case HOLD -> Decision.hold();
            };
        }

        @Override
        public String explain(StrategyContext context) {
            return strategy.explain(context.series());
        }
    }
}
