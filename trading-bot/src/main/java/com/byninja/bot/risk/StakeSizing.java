package com.byninja.bot.risk;

import com.byninja.bot.config.BotConfig.RiskSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much an entry spends: the stake {@code risk.stakeMode} asks for, cut to {@code risk.maxStakeAmount}, then
 * fitted to what is left of {@code risk.budget}. Every cut rounds down, against the trader. Pure functions of their
 * arguments: the caller passes equity and what is in positions.
 *
 * <ul>
 *   <li>{@code fixed}: {@code risk.stakeAmount}.</li>
 *   <li>{@code percentOfEquity}: equity x {@code stakePct} / 100.</li>
 *   <li>{@code riskBased}: the stake S whose loss if the stop-loss sells it, both fees included, is equity x
 *       {@code riskPct} / 100. Buying S pays the fee S x f; the stop sells at (1 - s) of the entry price for
 *       S x (1 - s) and pays (1 - s) x S x f; so the loss is S x (s + f x (2 - s)), with s the stop-loss and f the
 *       fee as fractions.</li>
 * </ul>
 *
 * Equity is the caller's (the free quote balance plus open positions at their last price); with a budget, stakes are
 * sized on at most the budget.
 */
public final class StakeSizing {

    /** Decimal places of a computed stake: the precision exchanges take quote amounts at (Binance: 8). */
    public static final int STAKE_DECIMALS = 8;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final RiskSettings settings;
    private final BigDecimal fee;
    private final String quote;

    /**
     * A stake, and why it is less than was asked, when it is.
     *
     * @param amount the quote amount to spend, fees excluded
     * @param cut    why it was cut, in plain words; null when it was not
     */
    public record Stake(BigDecimal amount, String cut) {

        /** @return {@code amount}, not cut. */
        public static Stake of(BigDecimal amount) {
            return new Stake(amount, null);
        }
    }

    /**
     * @param settings {@code risk.*}
     * @param feePct   the exchange's fee in percent, paid on the entry and on the exit
     * @param quote    the quote currency, for messages
     */
    public StakeSizing(RiskSettings settings, BigDecimal feePct, String quote) {
        this.settings = settings;
        this.fee = feePct.divide(HUNDRED);
        this.quote = quote;
    }

    /** @return the equity stakes are sized on: {@code equity}, and at most the budget when there is one. */
    public BigDecimal sizingEquity(BigDecimal equity) {
        BigDecimal budget = settings.budget();
        return budget.signum() > 0 ? equity.min(budget) : equity;
    }

    /**
     * @param equity the free quote balance plus the open positions at their last price
     * @return the stake of a strategy buy, before the budget: of {@code risk.stakeMode}, rounded down to
     *         {@value #STAKE_DECIMALS} decimals and cut to {@code risk.maxStakeAmount}
     */
    public Stake stake(BigDecimal equity) {
        BigDecimal e = sizingEquity(equity).max(BigDecimal.ZERO);
        BigDecimal wanted = switch (settings.stakeMode()) {
            case FIXED -> settings.stakeAmount();
            case PERCENT_OF_EQUITY -> e.multiply(settings.stakePct()).divide(HUNDRED, STAKE_DECIMALS,
                    RoundingMode.DOWN);
            case RISK_BASED -> e.multiply(settings.riskPct()).divide(HUNDRED).divide(lossAtStopPerUnit(),
                    STAKE_DECIMALS, RoundingMode.DOWN);
        };
        BigDecimal max = settings.maxStakeAmount();
        if (wanted.compareTo(max) > 0) {
            return new Stake(max, "cut from " + money(wanted) + " to the maximum of " + money(max)
                    + " (risk.maxStakeAmount)");
        }
        return Stake.of(wanted);
    }

    /**
     * @return what one unit of quote staked loses if the stop-loss sells it, both fees included: s + f x (2 - s)
     *         ({@code 0.02198} for a 2 % stop and a 0.1 % fee)
     */
    public BigDecimal lossAtStopPerUnit() {
        BigDecimal s = settings.stopLossPct().divide(HUNDRED);
        return s.add(fee.multiply(TWO.subtract(s)));
    }

    /**
     * Fits a stake to {@code risk.budget}: an entry that would take the money in positions above it is cut to what
     * is left, rounded down. When what is left is below {@code risk.minOrderAmount} (or nothing), the stake is
     * returned as asked, and the risk rules refuse it ({@link com.byninja.bot.domain.RejectReason#RISK_OVER_BUDGET}).
     *
     * @param wanted      the stake asked for
     * @param inPositions the entry cost of the open positions plus the entries still on their way
     * @return the stake to check and send
     */
    public Stake fit(Stake wanted, BigDecimal inPositions) {
        BigDecimal budget = settings.budget();
        if (budget.signum() == 0 || inPositions.add(wanted.amount()).compareTo(budget) <= 0) {
            return wanted;
        }
        BigDecimal left = left(inPositions);
        if (left.signum() <= 0 || left.compareTo(settings.minOrderAmount()) < 0) {
            return wanted;
        }
        return new Stake(left, "cut from " + money(wanted.amount()) + " to the " + money(left) + " left of the "
                + "budget of " + money(budget) + " (risk.budget; " + money(inPositions) + " in positions)");
    }

    /** @return what is left of the budget with {@code inPositions} in positions, rounded down; zero at worst. */
    public BigDecimal left(BigDecimal inPositions) {
        return settings.budget().subtract(inPositions).setScale(STAKE_DECIMALS, RoundingMode.DOWN)
                .max(BigDecimal.ZERO);
    }

    private String money(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString() + " " + quote;
    }
}
