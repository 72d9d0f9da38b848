package com.byninja.bot.positions;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TradeStatsTest {

    static ClosedTrade trade(String pnl) {
        BigDecimal z = BigDecimal.ZERO;
        return new ClosedTrade(new Symbol("BTC", "USDT"), BigDecimal.ONE, z, z, z, z, new BigDecimal(pnl),
                Instant.EPOCH, Instant.EPOCH, Purpose.EXIT, "id-" + pnl);
    }

    @Test
    void countsWinsLossesAndTheWinRate() {
        TradeStats s = TradeStats.of(List.of(trade("10"), trade("-4"), trade("6")), Map.of("USDT", new BigDecimal("1.2")), "USDT");

        assertThat(s.trades()).isEqualTo(3);
        assertThat(s.wins()).isEqualTo(2);
        assertThat(s.losses()).isEqualTo(1);
        assertThat(s.winRatePct()).isEqualByComparingTo("66.67");
        assertThat(s.realisedPnl()).isEqualByComparingTo("12");
        assertThat(s.fees()).isEqualByComparingTo("1.2");
    }

    @Test
    void maxDrawdownIsTheLargestFallFromAPeakOfCumulativePnl() {
        // cumulative: 10, 4, 1, 9, 2 -> peak 10 then 1 (fall 9); peak 10 then 2 (fall 8)
        TradeStats s = TradeStats.of(List.of(trade("10"), trade("-6"), trade("-3"), trade("8"), trade("-7")),
                Map.of(), "USDT");

        assertThat(s.maxDrawdown()).isEqualByComparingTo("9");
    }

    @Test
    void losingFromTheStartCountsFromZero() {
        assertThat(TradeStats.of(List.of(trade("-5"), trade("2")), Map.of(), "USDT").maxDrawdown())
                .isEqualByComparingTo("5");
    }

    @Test
    void noTradesGiveZeros() {
        TradeStats s = TradeStats.of(List.of(), Map.of(), "USDT");

        assertThat(s.winRatePct()).isEqualByComparingTo("0");
        assertThat(s.maxDrawdown()).isEqualByComparingTo("0");
    }
}
