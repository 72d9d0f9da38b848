package com.byninja.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestReportTest {

    static ClosedTrade trade(String pnl) {
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        return new ClosedTrade(new Symbol("BTC", "USDT"), BigDecimal.ONE, new BigDecimal("100"), BigDecimal.ZERO,
                new BigDecimal("100"), BigDecimal.ZERO, new BigDecimal(pnl), t, t, Purpose.EXIT, "c");
    }

    @Test
    void sharpeAndSortinoAreTheMeanDailyReturnOverItsDeviationAnnualisedOver365Days() {
        // Returns 1 %, -2 %, 3 %: mean 0.6667 %, sample deviation 2.5166 %, so Sharpe 0.26491 x sqrt(365) = 5.061;
        // downside deviation sqrt(0.02^2 / 3) = 1.1547 %, so Sortino 0.57735 x sqrt(365) = 11.030.
        List<Double> daily = List.of(0.01, -0.02, 0.03);

        assertThat(BacktestReport.sharpe(daily)).isEqualByComparingTo("5.061");
        assertThat(BacktestReport.sortino(daily)).isEqualByComparingTo("11.030");
    }

    @Test
    void ratiosThatCannotBeWorkedOutAreNull() {
        assertThat(BacktestReport.sharpe(List.of(0.01))).isNull();
        assertThat(BacktestReport.sortino(List.of(0.01, 0.02))).isNull();
        assertThat(BacktestReport.profitFactor(List.of(trade("5"), trade("1")))).isNull();
    }

    @Test
    void theProfitFactorIsWhatTheWinnersMadeOverWhatTheLosersLost() {
        // (10 + 3) / 5 = 2.6
        assertThat(BacktestReport.profitFactor(List.of(trade("10"), trade("-5"), trade("3"))))
                .isEqualByComparingTo("2.600");
    }
}
