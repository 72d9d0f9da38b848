package com.byninja.bot.positions;

import com.byninja.bot.domain.ClosedTrade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Performance over a set of closed trades.
 *
 * @param trades      round trips closed
 * @param wins        trades with positive PnL after fees
 * @param losses      trades with negative PnL after fees
 * @param winRatePct  wins in percent of trades, two decimals; zero without trades
 * @param realisedPnl sum of realised PnL, net of fees
 * @param fees        fees paid by every fill in the period, open positions' buys included, in the quote currency
 *                    (fees taken in the coin traded are valued at their fill's price)
 * @param otherFees   fees paid in other currencies (BNB), which the bot cannot value: not in the PnL
 * @param maxDrawdown the largest fall of cumulative realised PnL from its previous peak (the curve starts at 0)
 */
public record TradeStats(int trades, int wins, int losses, BigDecimal winRatePct, BigDecimal realisedPnl,
                         BigDecimal fees, Map<String, BigDecimal> otherFees, BigDecimal maxDrawdown) {

    public TradeStats {
        otherFees = Collections.unmodifiableMap(new LinkedHashMap<>(otherFees));
    }

    /**
     * @param closedInOrder the trades, in the order they closed
     * @param feesPaid      fees of every fill in the period, by currency
     * @param quote         the quote currency
     * @return their statistics
     */
    public static TradeStats of(List<ClosedTrade> closedInOrder, Map<String, BigDecimal> feesPaid, String quote) {
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
        Map<String, BigDecimal> others = new LinkedHashMap<>(feesPaid);
        BigDecimal inQuote = others.remove(quote);
        return new TradeStats(n, wins, losses, winRate, cumulative, inQuote == null ? BigDecimal.ZERO : inQuote,
                others, drawdown);
    }
}
