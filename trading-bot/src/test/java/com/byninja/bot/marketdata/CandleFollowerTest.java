package com.byninja.bot.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the monitor hands on of the exchange's candles, and when it asks, on one-minute candles. */
class CandleFollowerTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Instant T10 = Instant.parse("2026-03-01T10:00:00Z");

    static Instant at(String time) {
        return Instant.parse("2026-03-01T" + time + "Z");
    }

    static Candle candle(Instant start) {
        return new Candle(BTC, start, MINUTE, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE, new BigDecimal("2"),
                new BigDecimal("12.5"));
    }

    @Test
    void theCandleAfterTheHistoryIsAskedForJustAfterItEndsAndHandedOnOnce() {
        // Started at 10:00:30; history ends with the 09:59 candle, so the 10:00 candle comes next.
        CandleFollower f = new CandleFollower(BTC, MINUTE, at("10:00:30"), T10);
        assertThat(f.since()).isEqualTo(T10);
        assertThat(f.dueAt()).isEqualTo(at("10:01:00.250").toEpochMilli());

        assertThat(f.accept(List.of(candle(T10)), at("10:01:00.300"))).containsExactly(candle(T10));

        assertThat(f.since()).isEqualTo(at("10:01:00"));
        assertThat(f.dueAt()).isEqualTo(at("10:02:00.250").toEpochMilli());
        // An answer repeating it (the exchange was asked since an earlier time) hands nothing on twice.
        assertThat(f.accept(List.of(candle(T10)), at("10:01:30"))).isEmpty();
    }

    @Test
    void aCandleNotThereYetIsAskedForAgainEveryHalfSecond() {
        CandleFollower f = new CandleFollower(BTC, MINUTE, at("10:00:30"), T10);

        assertThat(f.accept(List.of(), at("10:01:00.300"))).isEmpty();
        assertThat(f.dueAt()).isEqualTo(at("10:01:00.800").toEpochMilli());
        assertThat(f.since()).isEqualTo(T10);

        f.failed(at("10:01:00.900"));
        assertThat(f.dueAt()).isEqualTo(at("10:01:01.400").toEpochMilli());

        assertThat(f.accept(List.of(candle(T10)), at("10:01:01.500"))).containsExactly(candle(T10));
    }

    @Test
    void aCandleStillMissingTenSecondsAfterItsEndIsSkippedAndTheNextOneComes() {
        CandleFollower f = new CandleFollower(BTC, MINUTE, at("10:00:30"), T10);
        f.accept(List.of(candle(T10)), at("10:01:00.300"));

        assertThat(f.accept(List.of(), at("10:02:09.900"))).isEmpty();
        assertThat(f.since()).isEqualTo(at("10:01:00"));
        assertThat(f.accept(List.of(), at("10:02:10.100"))).isEmpty();

        assertThat(f.since()).isEqualTo(at("10:02:00"));
        assertThat(f.dueAt()).isEqualTo(at("10:03:00.250").toEpochMilli());
        assertThat(f.accept(List.of(candle(at("10:02:00"))), at("10:03:00.300")))
                .containsExactly(candle(at("10:02:00")));
    }

    @Test
    void aCandleTheExchangeLeftOutIsSkippedAtOnceWhenALaterOneIsThere() {
        CandleFollower f = new CandleFollower(BTC, MINUTE, at("10:00:30"), T10);
        f.accept(List.of(candle(T10)), at("10:01:00.300"));

        assertThat(f.accept(List.of(candle(at("10:02:00"))), at("10:03:00.300")))
                .containsExactly(candle(at("10:02:00")));
        assertThat(f.since()).isEqualTo(at("10:03:00"));
    }

    @Test
    void afterALongOutageOnlyTheLatestCandleIsAskedForNotAnHourOfOldOnes() {
        CandleFollower f = new CandleFollower(BTC, MINUTE, at("10:00:30"), T10);
        f.accept(List.of(candle(T10)), at("10:01:00.300"));

        f.failed(at("11:00:05"));

        // 11:00:05 minus the ten-second wait is 10:59:55, in the 10:59 period: still within its wait.
        assertThat(f.since()).isEqualTo(at("10:59:00"));
        assertThat(f.dueAt()).isEqualTo(at("11:00:05.500").toEpochMilli());
        assertThat(f.accept(List.of(candle(at("10:59:00"))), at("11:00:06")))
                .containsExactly(candle(at("10:59:00")));
    }

    @Test
    void withoutHistoryTheWholeCandleOfThePeriodTheMonitorStartedInComesFirst() {
        CandleFollower f = new CandleFollower(BTC, MINUTE, at("10:00:30"), null);

        assertThat(f.since()).isEqualTo(T10);
        assertThat(f.accept(List.of(candle(T10)), at("10:01:00.300"))).containsExactly(candle(T10));
    }

    @Test
    void historyEndingLongBeforeTheStartIsJoinedFromThePeriodBeforeTheStart() {
        CandleFollower f = new CandleFollower(BTC, MINUTE, at("10:00:30"), at("09:30:00"));

        assertThat(f.since()).isEqualTo(at("09:59:00"));
        assertThat(f.dueAt()).isEqualTo(at("10:00:00.250").toEpochMilli());
    }

    @Test
    void aSourceWithoutTheStartPeriodHandsOnTheNextOne() {
        CandleFollower f = new CandleFollower(BTC, MINUTE, at("10:00:30"), T10);

        assertThat(f.accept(List.of(candle(at("10:01:00"))), at("10:02:00.300")))
                .containsExactly(candle(at("10:01:00")));
    }

    @Test
    void shortCandlesGetProportionallyShortWaits() {
        Duration threeSeconds = Duration.ofSeconds(3);
        CandleFollower f = new CandleFollower(BTC, threeSeconds, at("10:00:01"), null);

        // a quarter of 3 s is 750 ms: the fetch 250 ms after the end, retries every 500 ms, given up after 3 s
        assertThat(f.dueAt()).isEqualTo(at("10:00:03.250").toEpochMilli());
        f.failed(at("10:00:03.300"));
        assertThat(f.dueAt()).isEqualTo(at("10:00:03.800").toEpochMilli());
        f.failed(at("10:00:06.100"));
        assertThat(f.since()).isEqualTo(at("10:00:03"));
    }
}
