package com.byninja.bot.strategy;

import com.byninja.bot.config.rules.Expression;
import com.byninja.bot.strategy.rules.RuleCompiler;
import com.byninja.bot.strategy.rules.RuleExplanation;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Strategy;

/**
 * Buys when the configured entry rule holds and sells when the exit rule holds: expressions of prices, ta4j indicators,
 * comparisons, crosses and {@code and}/{@code or}/{@code not}, read and checked once with the configuration and built
 * into ta4j indicators and rules for each symbol's series (docs/strategies.md). It holds until every indicator of both
 * rules is formed.
 */
public final class RulesStrategy implements TradingStrategy {

    /** The name in configuration. */
    public static final String NAME = "rules";

    /** Characters of each rule shown in the description. */
    private static final int SHOWN = 60;

    private final Expression entry;
    private final Expression exit;
    private final int unstableBars;

    /**
     * @param entry the rule to buy on, as read by {@code Parser.parseRule}
     * @param exit  the rule to sell on, likewise
     */
    public RulesStrategy(Expression entry, Expression exit) {
        if (entry.type() != Expression.Type.RULE || exit.type() != Expression.Type.RULE) {
            throw new IllegalArgumentException("entry and exit must be rules, got " + entry.type().word() + " and "
                    + exit.type().word());
        }
        this.entry = entry;
        this.exit = exit;
        this.unstableBars = Math.max(entry.unstableBars(), exit.unstableBars());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "entry " + shorten(entry.text()) + "; exit " + shorten(exit.text());
    }

    /** @return bars before the first one on which both rules are formed; no signal before */
    public int unstableBars() {
        return unstableBars;
    }

    @Override
    public String explain(BarSeries series) {
        String warming = TradingStrategy.warmingUp(series, unstableBars);
        if (warming != null) {
            return warming;
        }
        RuleCompiler compiler = new RuleCompiler(series, ClosedBarCache::of);
        int last = series.getEndIndex();
        return RuleExplanation.of("entry", entry, compiler, last) + " | " + RuleExplanation.of("exit", exit, compiler,
                last);
    }

    @Override
    public Strategy build(BarSeries series) {
        RuleCompiler compiler = new RuleCompiler(series, ClosedBarCache::of);
        return new BaseStrategy(NAME, compiler.rule(entry), compiler.rule(exit), unstableBars);
    }

    /**
     * @return {@code text}, or when longer than {@link #SHOWN} characters its beginning up to a space outside
     *         parentheses, so that no call is cut in half, and "..."
     */
    private static String shorten(String text) {
        if (text.length() <= SHOWN) {
            return text;
        }
        int depth = 0;
        int cut = -1;
        for (int i = 0; i < SHOWN - 3; i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ' ' && depth == 0) {
                cut = i + 1;
            }
        }
        return text.substring(0, cut > 0 ? cut : SHOWN - 3) + "...";
    }
}
