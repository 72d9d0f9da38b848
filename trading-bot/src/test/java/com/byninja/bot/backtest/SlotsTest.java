package com.byninja.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlotsTest {

    static final Symbol BTC = Symbol.parse("BTC/USDT");
    static final Symbol ETH = Symbol.parse("ETH/USDT");
    static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    static Candle at(Symbol s, int minute) {
        BigDecimal p = BigDecimal.TEN;
        return new Candle(s, T0.plus(Duration.ofMinutes(minute)), Duration.ofMinutes(1), p, p, p, p, BigDecimal.ONE);
    }

    @Test
    void periodsComeInTimeOrderWithEachSymbolsCandleInTheConfiguredOrder() {
        // ETH starts a minute later and misses minute 3; BTC ends a minute earlier.
        Slots slots = new Slots(List.of(BTC, ETH), Map.of(
                ETH, List.of(at(ETH, 1), at(ETH, 2), at(ETH, 4), at(ETH, 5)),
                BTC, List.of(at(BTC, 0), at(BTC, 1), at(BTC, 2), at(BTC, 3), at(BTC, 4))));

        assertThat(slots.first()).isEqualTo(T0);
        assertThat(slots.count()).isEqualTo(6);
        List<String> seen = new ArrayList<>();
        List<Candle> now;
        while (!(now = slots.next()).isEmpty()) {
            seen.add(now.stream().map(c -> c.symbol().base() + Duration.between(T0, c.start()).toMinutes()).toList()
                    .toString());
        }
        assertThat(seen).containsExactly("[BTC0]", "[BTC1, ETH1]", "[BTC2, ETH2]", "[BTC3]", "[BTC4, ETH4]",
                "[ETH5]");
    }

    @Test
    void noCandlesAreNoPeriods() {
        Slots slots = new Slots(List.of(BTC), Map.of(BTC, List.of()));

        assertThat(slots.count()).isZero();
        assertThat(slots.first()).isEqualTo(Instant.EPOCH);
        assertThat(slots.next()).isEmpty();
    }
}
