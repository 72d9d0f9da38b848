package com.byninja.bot.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CandleAggregatorTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    final CandleAggregator five = new CandleAggregator(BTC, Duration.ofSeconds(5));

    Optional<Candle> price(String p, long offsetMs) {
        return five.onPrice(new BigDecimal(p), T0.plusMillis(offsetMs));
    }

    @Test
    void aFiveSecondCandleClosesWithTheFirstPriceOfTheNextPeriod() {
        assertThat(price("100", 0)).isEmpty();
        assertThat(price("103", 1000)).isEmpty();
        assertThat(price("99", 2000)).isEmpty();
        assertThat(price("101", 4999)).isEmpty();

        Candle c = price("102", 5000).orElseThrow();

        assertThat(c.start()).isEqualTo(T0);
        assertThat(c.period()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.open()).isEqualByComparingTo("100");
        assertThat(c.high()).isEqualByComparingTo("103");
        assertThat(c.low()).isEqualByComparingTo("99");
        assertThat(c.close()).isEqualByComparingTo("101");
    }

    @Test
    void candlesAreAlignedToTheGridEvenAfterAGap() {
        price("100", 1200);
        Candle first = price("105", 17_300).orElseThrow();
        Candle second = price("106", 20_000).orElseThrow();

        assertThat(first.start()).isEqualTo(T0);
        assertThat(second.start()).isEqualTo(T0.plusSeconds(15));
        assertThat(second.open()).isEqualByComparingTo("105");
    }

    @Test
    void aLatePriceFromAnEarlierPeriodIsIgnored() {
        price("100", 6000);

        assertThat(price("50", 4000)).isEmpty();
        assertThat(price("101", 10_000).orElseThrow().low()).isEqualByComparingTo("100");
    }
}
