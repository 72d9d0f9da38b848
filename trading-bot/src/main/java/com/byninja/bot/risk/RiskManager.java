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
import java.time.Instant;
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
    /** A level derived by division rounds up: a target the price must reach is never made easier. */
    private static final MathContext LEVEL_UP = new MathContext(Position.VALUE_PRECISION.getPrecision(),
            RoundingMode.CEILING);

    private final RiskSettings settings;
    private final String quote;
    private final BigDecimal feePct;
    /** 1 less the fee as a fraction: what a market sell keeps of its value. */
    private final BigDecimal afterExitFee;
    private final Map<Symbol, MarketRules> rules;
    private final StakeSizing sizing;

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
        this.afterExitFee = BigDecimal.ONE.subtract(feePct.divide(HUNDRED));
        this.rules = Map.copyOf(rules);
        this.sizing = new StakeSizing(settings, feePct, quoteCurrency);
    }

    /**
     * @param other risk settings of one symbol
     * @return rules like these (the same fee and exchange rules) with {@code other}'s settings
     */
    public RiskManager with(RiskSettings other) {
        return new RiskManager(other, quote, feePct, rules);
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
     * @param inPositions   the entry cost of the open positions plus the entries on their way, which
     *                      {@code risk.budget} limits
     */
    public record BuyCheck(Symbol symbol, BigDecimal quoteAmount, boolean forced, BigDecimal freeQuote,
                           int openPositions, boolean hasPosition, BigDecimal realisedToday, boolean priceFresh,
                           boolean exchangeDown, BigDecimal inPositions) {

        /** A check while the exchange answers, with nothing in positions. */
        public BuyCheck(Symbol symbol, BigDecimal quoteAmount, boolean forced, BigDecimal freeQuote,
                        int openPositions, boolean hasPosition, BigDecimal realisedToday, boolean priceFresh) {
            this(symbol, quoteAmount, forced, freeQuote, openPositions, hasPosition, realisedToday, priceFresh,
                    false, BigDecimal.ZERO);
        }

        /** A check with nothing in positions. */
        public BuyCheck(Symbol symbol, BigDecimal quoteAmount, boolean forced, BigDecimal freeQuote,
                        int openPositions, boolean hasPosition, BigDecimal realisedToday, boolean priceFresh,
                        boolean exchangeDown) {
            this(symbol, quoteAmount, forced, freeQuote, openPositions, hasPosition, realisedToday, priceFresh,
                    exchangeDown, BigDecimal.ZERO);
        }
    }

    /** @return {@code risk.stakeAmount}, the stake of {@code stakeMode: fixed}. */
    public BigDecimal stakeAmount() {
        return settings.stakeAmount();
    }

    /** @return how stakes are sized and fitted to the budget. */
    public StakeSizing sizing() {
        return sizing;
    }

    /** @return {@code risk.budget}, zero when there is none. */
    public BigDecimal budget() {
        return settings.budget();
    }

    /**
     * The rules in the order they are checked; the first one broken is the answer. A forced buy is held only to the
     * rules whose reason is {@link RejectReason#hard() hard}.
     *
     * @return why the buy must not be placed, or empty when every rule that applies allows it
     */
    public Optional<Rejection> checkBuy(BuyCheck c) {
        List<Supplier<Optional<Rejection>>> rules = List.of(
                () -> noPrice(c), () -> aboveMaxStake(c), () -> overBudget(c), () -> belowMinOrder(c),
                () -> belowExchangeMinimum(c), () -> insufficientBalance(c), () -> exchangeDown(c),
                () -> positionAlreadyOpen(c), () -> maxOpenPositions(c), () -> dailyLossLimit(c));
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

    private Optional<Rejection> overBudget(BuyCheck c) {
        BigDecimal budget = settings.budget();
        if (budget.signum() == 0 || c.inPositions().add(c.quoteAmount()).compareTo(budget) <= 0) {
            return Optional.empty();
        }
        BigDecimal left = sizing.left(c.inPositions());
        return reject(RejectReason.RISK_OVER_BUDGET, "the budget of " + money(budget) + " (risk.budget) has "
                + money(left) + " left, with " + money(c.inPositions()) + " in positions; "
                + (left.compareTo(settings.minOrderAmount()) < 0 || left.signum() == 0
                ? "that is below the minimum order of " + money(settings.minOrderAmount()) + " (risk.minOrderAmount)"
                : "the stake of " + money(c.quoteAmount()) + " does not fit"));
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

    /** @return the exchange's size and price rules for {@code symbol}, none when it gave none */
    public MarketRules marketRules(Symbol symbol) {
        return rules.getOrDefault(symbol, MarketRules.none(symbol));
    }

    /** @return the exchange's price tick for {@code symbol}, zero when it has none */
    public BigDecimal priceTick(Symbol symbol) {
        MarketRules r = rules.get(symbol);
        return r == null ? BigDecimal.ZERO : r.priceTick();
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
     * price since entry; the minimal ROI against the profit net of both fees ({@link #roiPrice}). Checked in this
     * order, the first that applies is the answer: stop-loss (when it and another could apply, the position is
     * losing), take-profit, minimal ROI, trailing stop.
     *
     * @param now the instant of the check: the minimal ROI asks for what a position of that age must earn
     * @return the exit {@code lastPrice} triggers, if any
     */
    public Optional<Purpose> exitFor(Position position, BigDecimal lastPrice, Instant now) {
        boolean stop = settings.stopLossPct().signum() > 0;
        boolean target = settings.takeProfitPct().signum() > 0;
        boolean trailing = settings.trailingStopPct().signum() > 0;
        boolean offset = trailing && settings.trailingStopPositiveOffsetPct().signum() > 0;
        // The entry price is a division, worked out only when a level needs it: this runs at every price check.
        BigDecimal entry = stop || target || offset ? position.averageEntryPrice() : null;
        if (stop && lastPrice.compareTo(stopLossPrice(entry)) <= 0) {
            return Optional.of(Purpose.STOP_LOSS);
        }
        if (target && lastPrice.compareTo(takeProfitPrice(entry)) >= 0) {
            return Optional.of(Purpose.TAKE_PROFIT);
        }
        if (!settings.minimalRoi().isOff() && roiReached(position, lastPrice, now)) {
            return Optional.of(Purpose.MINIMAL_ROI);
        }
        if (trailing && (!offset || trailingActive(position, entry))
                && lastPrice.compareTo(below(position.highestPrice(), settings.trailingStopPct())) <= 0) {
            return Optional.of(Purpose.TRAILING_STOP);
        }
        return Optional.empty();
    }

    /** Without a division: selling at {@code price} keeps price x quantity x (1 - fee); the target is cost x factor. */
    private boolean roiReached(Position p, BigDecimal price, Instant now) {
        BigDecimal factor = settings.minimalRoi().factor(ageMs(p, now));
        return factor != null && price.multiply(p.quantity()).multiply(afterExitFee)
                .compareTo(p.costBasis().multiply(factor)) >= 0;
    }

    /** @return how long {@code p} has been open at {@code now}, in milliseconds; never negative. */
    private static long ageMs(Position p, Instant now) {
        return Math.max(0, now.toEpochMilli() - p.openedAt().toEpochMilli());
    }

    /** @return whether the highest price since entry has reached the trailing stop's offset above {@code entry}. */
    private boolean trailingActive(Position p, BigDecimal entry) {
        return p.highestPrice().compareTo(trailingStartPrice(entry)) >= 0;
    }

    /**
     * The levels at which a position's protective exits sell; each is empty when its limit is off.
     *
     * @param stopLoss      sells at or below this price
     * @param takeProfit    sells at or above this price
     * @param trailingStop  sells at or below this price (the highest price since entry, less the trailing stop);
     *                      empty too while the trailing stop waits for its offset
     * @param trailingStart with {@code risk.trailingStopPositiveOffsetPct}: the price the highest price must reach
     *                      before the trailing stop follows it
     * @param minimalRoi    the minimal ROI that applies at the position's age now, and the price that reaches it
     */
    public record Protection(Optional<BigDecimal> stopLoss, Optional<BigDecimal> takeProfit,
                             Optional<BigDecimal> trailingStop, Optional<BigDecimal> trailingStart,
                             Optional<RoiLevel> minimalRoi) {

        /** @return these levels with the stop-loss at {@code level} where that is higher, such as a strategy's stop */
        public Protection withStopAtLeast(BigDecimal level) {
            return new Protection(Optional.of(stopLoss.map(level::max).orElse(level)), takeProfit, trailingStop,
                    trailingStart, minimalRoi);
        }
    }

    /**
     * The minimal ROI that applies to a position now.
     *
     * @param pct     the profit it must show, in percent, net of both fees
     * @param price   the lowest price at which selling shows that profit
     * @param untilMs milliseconds until the next entry of the table applies, -1 when none follows
     */
    public record RoiLevel(BigDecimal pct, BigDecimal price, long untilMs) {
    }

    /** @return where {@code position}'s protective exits sell at {@code now}. */
    public Protection protection(Position position, Instant now) {
        boolean trailing = settings.trailingStopPct().signum() > 0;
        boolean offset = trailing && settings.trailingStopPositiveOffsetPct().signum() > 0;
        BigDecimal entry = settings.stopLossPct().signum() > 0 || settings.takeProfitPct().signum() > 0 || offset
                ? position.averageEntryPrice() : null;
        Optional<BigDecimal> start = offset ? Optional.of(trailingStartPrice(entry)) : Optional.empty();
        boolean following = trailing && (!offset || trailingActive(position, entry));
        return new Protection(
                settings.stopLossPct().signum() > 0 ? Optional.of(stopLossPrice(entry)) : Optional.empty(),
                settings.takeProfitPct().signum() > 0 ? Optional.of(takeProfitPrice(entry)) : Optional.empty(),
                following ? Optional.of(below(position.highestPrice(), settings.trailingStopPct()))
                        : Optional.empty(),
                start, roiLevel(position, now));
    }

    private Optional<RoiLevel> roiLevel(Position p, Instant now) {
        if (settings.minimalRoi().isOff()) {
            return Optional.empty();
        }
        long age = ageMs(p, now);
        BigDecimal pct = settings.minimalRoi().requiredPct(age);
        return pct == null ? Optional.empty() : Optional.of(new RoiLevel(pct, roiPrice(p, age),
                settings.minimalRoi().untilNextMs(age)));
    }

    /**
     * The price at which selling {@code p} shows the profit the minimal ROI asks at {@code ageMs}, net of both fees:
     * {@code costBasis x (1 + roi / 100) / (quantity x (1 - fee / 100))}, rounded up in its 34th digit.
     *
     * @return that price, or null when no entry of the table applies yet
     */
    public BigDecimal roiPrice(Position p, long ageMs) {
        BigDecimal factor = settings.minimalRoi().factor(ageMs);
        return factor == null ? null : p.costBasis().multiply(factor)
                .divide(p.quantity().multiply(afterExitFee), LEVEL_UP).stripTrailingZeros();
    }

    /**
     * @return the price the highest price since entry must reach before the trailing stop follows it, for an entry
     *         price: entry x (1 + {@code risk.trailingStopPositiveOffsetPct} / 100)
     */
    public BigDecimal trailingStartPrice(BigDecimal entry) {
        return entry.multiply(BigDecimal.ONE.add(settings.trailingStopPositiveOffsetPct().divide(HUNDRED,
                MathContext.DECIMAL64)));
    }

    /**
     * As {@link #exitFor(Position, BigDecimal, Instant)}, with a stop the strategy set on the position: it sells as a
     * stop-loss at or below the higher of that stop and {@code risk.stopLossPct}'s level.
     *
     * @param customStop the strategy's stop for {@code position}, or null for none
     */
    public Optional<Purpose> exitFor(Position position, BigDecimal lastPrice, Instant now, BigDecimal customStop) {
        if (customStop != null && lastPrice.compareTo(customStop) <= 0) {
            return Optional.of(Purpose.STOP_LOSS);
        }
        return exitFor(position, lastPrice, now);
    }

    /**
     * @param now        the instant: the minimal ROI's level depends on the position's age
     * @param customStop the strategy's stop for {@code position}, or null for none
     * @return where {@code position}'s protective exits sell, the stop-loss at the higher of {@code customStop} and
     *         {@code risk.stopLossPct}'s level
     */
    public Protection protection(Position position, Instant now, BigDecimal customStop) {
        Protection levels = protection(position, now);
        return customStop == null ? levels : levels.withStopAtLeast(customStop);
    }

    /**
     * The lowest price at which selling {@code p} at market returns what it cost, fees included:
     * {@code costBasis / (quantity x (1 - fee / 100))}, rounded up in its 34th digit and then up to the market's tick
     * where it has one, so that a sale at it never loses.
     *
     * @return that price
     */
    public BigDecimal breakEvenPrice(Position p) {
        BigDecimal exact = p.costBasis().divide(p.quantity().multiply(afterExitFee), LEVEL_UP);
        BigDecimal tick = priceTick(p.symbol());
        if (tick.signum() <= 0) {
            return exact.stripTrailingZeros();
        }
        return exact.divide(tick, 0, RoundingMode.CEILING).multiply(tick)
                .setScale(Math.max(0, tick.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY);
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
