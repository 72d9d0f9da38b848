package com.byninja.bot.positions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Performance over a set of closed trades.
 *
 * @param trades      round trips closed
 * @param wins        trades with positive PnL after fees
 * @param losses      trades with negative PnL after fees
 * @param winRatePct  wins in percent of trades, two decimals; zero without trades
 * @param realisedPnl sum of realised PnL, net of fees
 * @param fees        fees paid by every fill in the period, open positions' buys included
 * @param maxDrawdown the largest fall of cumulative realised PnL from its previous peak (the curve starts at 0)
 */
public record TradeStats(int trades, int wins, int losses, BigDecimal winRatePct, BigDecimal realisedPnl,
                         BigDecimal fees, BigDecimal maxDrawdown) {

    /**
     * @param closedInOrder the trades, in the order they closed
     * @param feesPaid      fees of every fill in the period
     * @return their statistics
     */
    public static TradeStats of(List<ClosedTrade> closedInOrder, BigDecimal feesPaid) {
        int wins = 0;
        int losses = 0;
        BigDecimal cumulative = BigDecimal.ZERO;
        BigDecimal peak = BigDecimal.ZERO;
        BigDecimal drawdown = BigDecimal.ZERO;
        for (ClosedTrade t : closedInOrder) {
            if (t.realisedPnl().signum() > 0) {
                wins++;
            } else if (t.realisedPnl().signum() < 0) {
                losses++;
            }
            cumulative = cumulative.add(t.realisedPnl());
            peak = peak.max(cumulative);
            drawdown = drawdown.max(peak.subtract(cumulative));
        }
        int n = closedInOrder.size();
        BigDecimal winRate = n == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(wins * 100L).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
        return new TradeStats(n, wins, losses, winRate, cumulative, feesPaid, drawdown);
    }
}
