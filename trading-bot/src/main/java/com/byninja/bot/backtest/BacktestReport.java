package com.byninja.bot.backtest;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.positions.TradeStats;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A backtest's figures, worked out once from its {@link BacktestResult}. Percentages have two decimals, ratios three;
 * money is exact. A ratio that cannot be worked out (no losing trade for the profit factor, fewer than two days for
 * Sharpe and Sortino, no downside for Sortino) is null.
 *
 * @param from             the first candle's open
 * @param to               the last candle's close
 * @param candles          candles replayed over all symbols
 * @param stats            trades, wins, losses, win rate, realised PnL and fees, as {@code /stats} counts them
 * @param startBalance     the wallet's worth at the start, in the quote currency
 * @param endBalance       its worth at the end, open positions at the last close
 * @param netProfit        end less start
 * @param netProfitPct     that, in percent of the start
 * @param maxDrawdown      the largest fall of the wallet's worth from a previous peak, at candle closes
 * @param maxDrawdownPct   that fall, in percent of its peak
 * @param sharpe           mean daily return over its standard deviation, times the square root of 365
 * @param sortino          mean daily return over its downside deviation, times the square root of 365
 * @param profitFactor     gross profit of winning trades over gross loss of losing ones
 * @param exposurePct      candle periods with a position open, in percent of all
 * @param buyAndHoldPct    buying every symbol at its first open in equal parts and holding to its last close
 * @param perSymbol        the same counts per symbol
 * @param candlesPerSecond candles replayed per second of replay
 */
public record BacktestReport(Instant from, Instant to, long candles, TradeStats stats, BigDecimal startBalance,
                             BigDecimal endBalance, BigDecimal netProfit, BigDecimal netProfitPct,
                             BigDecimal maxDrawdown, BigDecimal maxDrawdownPct, BigDecimal sharpe, BigDecimal sortino,
                             BigDecimal profitFactor, BigDecimal exposurePct, BigDecimal buyAndHoldPct,
                             Map<Symbol, SymbolFigures> perSymbol, long candlesPerSecond) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One symbol's share. */
    public record SymbolFigures(int trades, int wins, int losses, BigDecimal realisedPnl, BigDecimal buyAndHoldPct) {
    }

    /** @return the figures of {@code r}. */
    public static BacktestReport of(BacktestResult r) {
        String quote = r.config().quoteCurrency();
        TradeStats stats = TradeStats.of(r.trades(), r.feesPaid(), quote);
        BigDecimal net = r.endBalance().subtract(r.startBalance());
        List<Double> daily = dailyReturns(r);
        Map<Symbol, SymbolFigures> per = new LinkedHashMap<>();
        BigDecimal holdSum = BigDecimal.ZERO;
        Instant from = null;
        Instant to = null;
        for (Symbol s : r.config().symbols()) {
            List<Candle> cs = r.candles().getOrDefault(s, List.of());
            List<ClosedTrade> ts = r.trades().stream().filter(t -> t.symbol().equals(s)).toList();
            TradeStats st = TradeStats.of(ts, Map.of(), quote);
            BigDecimal hold = cs.isEmpty() ? BigDecimal.ZERO
                    : pct(cs.get(cs.size() - 1).close().subtract(cs.get(0).open()), cs.get(0).open());
            holdSum = holdSum.add(hold);
            per.put(s, new SymbolFigures(st.trades(), st.wins(), st.losses(), st.realisedPnl(), hold));
            if (!cs.isEmpty()) {
                Instant first = cs.get(0).start();
                Instant last = cs.get(cs.size() - 1).start().plus(cs.get(cs.size() - 1).period());
                from = from == null || first.isBefore(from) ? first : from;
                to = to == null || last.isAfter(to) ? last : to;
            }
        }
        double seconds = r.elapsedNanos() / 1e9;
        return new BacktestReport(from, to, r.candleCount(), stats, r.startBalance(), r.endBalance(), net,
                r.startBalance().signum() == 0 ? BigDecimal.ZERO : Money.pct(net, r.startBalance()),
                r.equity().maxDrawdown(),
                r.equity().maxDrawdownPct(),
                sharpe(daily), sortino(daily), profitFactor(r.trades()),
                r.slots() == 0 ? BigDecimal.ZERO.setScale(2)
                        : BigDecimal.valueOf(r.exposedSlots() * 100.0 / r.slots()).setScale(2, RoundingMode.HALF_EVEN),
                per.isEmpty() ? BigDecimal.ZERO
                        : holdSum.divide(BigDecimal.valueOf(per.size()), 2, RoundingMode.HALF_EVEN),
                per, seconds <= 0 ? 0 : Math.round(r.candleCount() / seconds));
    }

    /** @return a benchmark's percentage, such as buy and hold's: neither had nor spent, so rounded to the nearest */
    private static BigDecimal pct(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_EVEN);
    }

    /** @return the wallet's return of each UTC day, from the last close of one day to the last close of the next. */
    static List<Double> dailyReturns(BacktestResult r) {
        List<Double> returns = new ArrayList<>();
        BigDecimal previous = r.startBalance();
        for (BigDecimal e : r.equity().dayEnds()) {
            if (previous.signum() > 0) {
                returns.add(e.divide(previous, MathContext.DECIMAL64).doubleValue() - 1);
            }
            previous = e;
        }
        return returns;
    }

    static BigDecimal sharpe(List<Double> daily) {
        if (daily.size() < 2) {
            return null;
        }
        double mean = daily.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double var = daily.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / (daily.size() - 1);
        return var == 0 ? null : ratio(mean / Math.sqrt(var) * Math.sqrt(365));
    }

    static BigDecimal sortino(List<Double> daily) {
        if (daily.size() < 2) {
            return null;
        }
        double mean = daily.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double down = daily.stream().mapToDouble(d -> Math.min(d, 0) * Math.min(d, 0)).sum() / daily.size();
        return down == 0 ? null : ratio(mean / Math.sqrt(down) * Math.sqrt(365));
    }

    static BigDecimal profitFactor(List<ClosedTrade> trades) {
        BigDecimal won = BigDecimal.ZERO;
        BigDecimal lost = BigDecimal.ZERO;
        for (ClosedTrade t : trades) {
            if (t.realisedPnl().signum() > 0) {
                won = won.add(t.realisedPnl());
            } else {
                lost = lost.add(t.realisedPnl().negate());
            }
        }
        return lost.signum() == 0 ? null : won.divide(lost, 3, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal ratio(double v) {
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_EVEN);
    }
}
