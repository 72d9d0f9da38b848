package com.byninja.bot.risk;

import com.byninja.bot.config.BotConfig.RiskSettings;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.domain.Rejection;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The risk rules, checked before every order. Pure functions of their arguments: the caller passes the account and
 * market state, so each rule is testable alone.
 */
public final class RiskManager {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final RiskSettings settings;
    private final String quote;
    private final BigDecimal feePct;
    private final Map<Symbol, MarketRules> rules;

    /**
     * Without a fee to keep aside and without exchange rules.
     *
     * @param settings      {@code risk.*}
     * @param quoteCurrency the stake currency, for messages
     */
    public RiskManager(RiskSettings settings, String quoteCurrency) {
        this(settings, quoteCurrency, BigDecimal.ZERO, Map.of());
    }

    /**
     * @param settings      {@code risk.*}
     * @param quoteCurrency the stake currency, for messages
     * @param feePct        the exchange's fee in percent: a buy needs its amount plus this fee free
     * @param rules         the exchange's size rules per market
     */
    public RiskManager(RiskSettings settings, String quoteCurrency, BigDecimal feePct,
                       Map<Symbol, MarketRules> rules) {
        this.settings = settings;
        this.quote = quoteCurrency;
        this.feePct = feePct;
        this.rules = Map.copyOf(rules);
    }

    /**
     * Everything a buy decision depends on.
     *
     * @param symbol        the market
     * @param quoteAmount   what the buy would spend
     * @param forced        a {@code forcebuy}: only the hard limits apply
     * @param freeQuote     free balance of the quote currency
     * @param openPositions positions open now
     * @param hasPosition   whether {@code symbol} has one
     * @param realisedToday realised PnL since midnight UTC (negative when losing)
     * @param priceFresh    whether a recent price is known
     * @param exchangeDown  whether the exchange has failed too many calls in a row
     */
    public record BuyCheck(Symbol symbol, BigDecimal quoteAmount, boolean forced, BigDecimal freeQuote,
                           int openPositions, boolean hasPosition, BigDecimal realisedToday, boolean priceFresh,
                           boolean exchangeDown) {

        /** A check while the exchange answers. */
        public BuyCheck(Symbol symbol, BigDecimal quoteAmount, boolean forced, BigDecimal freeQuote,
                        int openPositions, boolean hasPosition, BigDecimal realisedToday, boolean priceFresh) {
            this(symbol, quoteAmount, forced, freeQuote, openPositions, hasPosition, realisedToday, priceFresh,
                    false);
        }
    }

    /** @return the stake of a strategy buy. */
    public BigDecimal stakeAmount() {
        return settings.stakeAmount();
    }

    /**
     * The rules in the order they are checked; the first one broken is the answer. A forced buy is held only to the
     * rules whose reason is {@link RejectReason#hard() hard}.
     *
     * @return why the buy must not be placed, or empty when every rule that applies allows it
     */
    public Optional<Rejection> checkBuy(BuyCheck c) {
        List<Supplier<Optional<Rejection>>> rules = List.of(
                () -> noPrice(c), () -> aboveMaxStake(c), () -> belowMinOrder(c), () -> belowExchangeMinimum(c),
                () -> insufficientBalance(c), () -> exchangeDown(c), () -> positionAlreadyOpen(c),
                () -> maxOpenPositions(c), () -> dailyLossLimit(c));
        for (Supplier<Optional<Rejection>> rule : rules) {
            Optional<Rejection> broken = rule.get();
            if (broken.isPresent() && (broken.get().reason().hard() || !c.forced())) {
                return broken;
            }
        }
        return Optional.empty();
    }

    private Optional<Rejection> noPrice(BuyCheck c) {
        return c.priceFresh() ? Optional.empty()
                : reject(RejectReason.RISK_NO_PRICE, "no recent price for " + c.symbol());
    }

    private Optional<Rejection> aboveMaxStake(BuyCheck c) {
        return c.quoteAmount().compareTo(settings.maxStakeAmount()) <= 0 ? Optional.empty()
                : reject(RejectReason.RISK_ABOVE_MAX_STAKE, "stake " + money(c.quoteAmount())
                + " exceeds the maximum of " + money(settings.maxStakeAmount()) + " (risk.maxStakeAmount)");
    }

    private Optional<Rejection> belowMinOrder(BuyCheck c) {
        return c.quoteAmount().compareTo(settings.minOrderAmount()) >= 0 && c.quoteAmount().signum() > 0
                ? Optional.empty()
                : reject(RejectReason.RISK_BELOW_MIN_ORDER, "stake " + money(c.quoteAmount())
                + " is below the minimum order of " + money(settings.minOrderAmount()) + " (risk.minOrderAmount)");
    }

    private Optional<Rejection> belowExchangeMinimum(BuyCheck c) {
        return rules.getOrDefault(c.symbol(), MarketRules.none(c.symbol())).checkBuy(c.quoteAmount())
                .map(why -> Rejection.of(RejectReason.EXCHANGE_BELOW_MINIMUM, why));
    }

    private Optional<Rejection> insufficientBalance(BuyCheck c) {
        BigDecimal fee = feeOf(c.quoteAmount());
        return c.freeQuote().compareTo(c.quoteAmount().add(fee)) >= 0 ? Optional.empty()
                : reject(RejectReason.RISK_INSUFFICIENT_BALANCE, "stake " + money(c.quoteAmount())
                + (fee.signum() > 0 ? " plus a fee of up to " + money(fee) : "")
                + " exceeds the free balance of " + money(c.freeQuote()));
    }

    private Optional<Rejection> exchangeDown(BuyCheck c) {
        return !c.exchangeDown() ? Optional.empty() : reject(RejectReason.EXCHANGE_UNAVAILABLE,
                "the exchange has failed repeatedly; buying is paused until it answers again");
    }

    private Optional<Rejection> positionAlreadyOpen(BuyCheck c) {
        return !c.hasPosition() ? Optional.empty() : reject(RejectReason.RISK_POSITION_ALREADY_OPEN,
                c.symbol() + " already has an open position (one long position per symbol)");
    }

    private Optional<Rejection> maxOpenPositions(BuyCheck c) {
        return c.openPositions() < settings.maxOpenPositions() ? Optional.empty()
                : reject(RejectReason.RISK_MAX_OPEN_POSITIONS, c.openPositions() + " positions are open, the "
                + "maximum is " + settings.maxOpenPositions() + " (risk.maxOpenPositions)");
    }

    private Optional<Rejection> dailyLossLimit(BuyCheck c) {
        return !dailyLossLimitReached(c.realisedToday()) ? Optional.empty()
                : reject(RejectReason.RISK_DAILY_LOSS_LIMIT, "today's realised loss of "
                + money(c.realisedToday().negate()) + " reached the daily limit of "
                + money(settings.dailyLossLimit()) + " (risk.dailyLossLimit)");
    }

    /** @return the fee a buy of {@code amount} pays at most, kept aside from the free balance. */
    public BigDecimal feeOf(BigDecimal amount) {
        return amount.multiply(feePct).divide(HUNDRED).setScale(8, RoundingMode.UP).stripTrailingZeros();
    }

    /** @return the exchange's fee of a market order, in percent of its value. */
    public BigDecimal feePct() {
        return feePct;
    }

    /** @return the exchange's quantity step for {@code symbol}, zero when it has none. */
    public BigDecimal quantityStep(Symbol symbol) {
        MarketRules r = rules.get(symbol);
        return r == null ? BigDecimal.ZERO : r.quantityStep();
    }

    /** @return whether today's realised PnL has lost the daily limit or more; never when the limit is off (0). */
    public boolean dailyLossLimitReached(BigDecimal realisedToday) {
        BigDecimal limit = settings.dailyLossLimit();
        return limit.signum() > 0 && realisedToday.negate().compareTo(limit) >= 0;
    }

    /** @return the daily loss limit, zero when off. */
    public BigDecimal dailyLossLimit() {
        return settings.dailyLossLimit();
    }

    /**
     * The protective exits, against the average entry price (fees excluded) and, for the trailing stop, the highest
     * price since entry. Stop-loss is checked first: when both could apply, the position is losing.
     *
     * @return the exit {@code lastPrice} triggers, if any
     */
    public Optional<Purpose> exitFor(Position position, BigDecimal lastPrice) {
        boolean stop = settings.stopLossPct().signum() > 0;
        boolean target = settings.takeProfitPct().signum() > 0;
        // The entry price is a division, worked out only when a level needs it: this runs at every price check.
        BigDecimal entry = stop || target ? position.averageEntryPrice() : null;
        if (stop && lastPrice.compareTo(stopLossPrice(entry)) <= 0) {
            return Optional.of(Purpose.STOP_LOSS);
        }
        if (target && lastPrice.compareTo(takeProfitPrice(entry)) >= 0) {
            return Optional.of(Purpose.TAKE_PROFIT);
        }
        if (settings.trailingStopPct().signum() > 0
                && lastPrice.compareTo(below(position.highestPrice(), settings.trailingStopPct())) <= 0) {
            return Optional.of(Purpose.TRAILING_STOP);
        }
        return Optional.empty();
    }

    /**
     * The levels at which a position's protective exits sell; each is empty when its limit is off.
     *
     * @param stopLoss     sells at or below this price
     * @param takeProfit   sells at or above this price
     * @param trailingStop sells at or below this price (the highest price since entry, less the trailing stop)
     */
    public record Protection(Optional<BigDecimal> stopLoss, Optional<BigDecimal> takeProfit,
                             Optional<BigDecimal> trailingStop) {

        /** @return these levels with the stop-loss at {@code level} where that is higher, such as a strategy's stop */
        public Protection withStopAtLeast(BigDecimal level) {
            return new Protection(Optional.of(stopLoss.map(level::max).orElse(level)), takeProfit, trailingStop);
        }
    }

    /** @return where {@code position}'s protective exits sell. */
    public Protection protection(Position position) {
        BigDecimal entry = settings.stopLossPct().signum() > 0 || settings.takeProfitPct().signum() > 0
                ? position.averageEntryPrice() : null;
        return new Protection(
                settings.stopLossPct().signum() > 0 ? Optional.of(stopLossPrice(entry)) : Optional.empty(),
                settings.takeProfitPct().signum() > 0 ? Optional.of(takeProfitPrice(entry)) : Optional.empty(),
                settings.trailingStopPct().signum() > 0
                        ? Optional.of(below(position.highestPrice(), settings.trailingStopPct())) : Optional.empty());
    }

    /**
     * As {@link #exitFor(Position, BigDecimal)}, with a stop the strategy set on the position: it sells as a stop-loss
     * at or below the higher of that stop and {@code risk.stopLossPct}'s level.
     *
     * @param customStop the strategy's stop for {@code position}, or null for none
     */
    public Optional<Purpose> exitFor(Position position, BigDecimal lastPrice, BigDecimal customStop) {
        if (customStop != null && lastPrice.compareTo(customStop) <= 0) {
            return Optional.of(Purpose.STOP_LOSS);
        }
        return exitFor(position, lastPrice);
    }

    /**
     * @param customStop the strategy's stop for {@code position}, or null for none
     * @return where {@code position}'s protective exits sell, the stop-loss at the higher of {@code customStop} and
     *         {@code risk.stopLossPct}'s level
     */
    public Protection protection(Position position, BigDecimal customStop) {
        Protection levels = protection(position);
        return customStop == null ? levels : levels.withStopAtLeast(customStop);
    }

    /** @return the price at or below which the stop-loss sells, for an entry price. */
    public BigDecimal stopLossPrice(BigDecimal entry) {
        return below(entry, settings.stopLossPct());
    }

    /** @return the price at or above which the take-profit sells, for an entry price. */
    public BigDecimal takeProfitPrice(BigDecimal entry) {
        return entry.multiply(BigDecimal.ONE.add(settings.takeProfitPct().divide(HUNDRED, MathContext.DECIMAL64)));
    }

    private static BigDecimal below(BigDecimal price, BigDecimal pct) {
        return price.multiply(BigDecimal.ONE.subtract(pct.divide(HUNDRED, MathContext.DECIMAL64)));
    }

    private String money(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString() + " " + quote;
    }

    private static Optional<Rejection> reject(RejectReason reason, String message) {
        return Optional.of(Rejection.of(reason, message));
    }
}
