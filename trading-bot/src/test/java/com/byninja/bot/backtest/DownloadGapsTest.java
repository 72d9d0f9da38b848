package com.byninja.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.backtest.KlineDownload.Gap;
import com.byninja.bot.backtest.data.MonthlyCandleFiles.Stretch;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which parts of the range asked for a download fetches, given what the files hold: times a person can check. */
class DownloadGapsTest {

    static final Duration HOUR = Duration.ofHours(1);
    static final Instant JAN_1 = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant LATER = Instant.parse("2024-06-01T00:00:00Z");

    static Instant day(int d) {
        return JAN_1.plus(Duration.ofDays(d - 1));
    }

    @Test
    void withNothingHeldTheWholeRangeIsMissing() {
        assertThat(KlineDownload.missing(List.of(), day(1), day(11), LATER, HOUR))
                .containsExactly(new Gap(day(1), day(11)));
    }

    @Test
    void onlyWhatIsBeforeTheFirstFileBetweenTwoThatDoNotJoinAndAfterTheLastIsMissing() {
        List<Stretch> held = List.of(new Stretch(day(3), day(5)), new Stretch(day(7), day(8)));

        assertThat(KlineDownload.missing(held, day(1), day(11), LATER, HOUR)).containsExactly(
                new Gap(day(1), day(3)), new Gap(day(5), day(7)), new Gap(day(8), day(11)));
        // A range inside what is held lacks nothing; one that ends inside a stretch stops where it begins.
        assertThat(KlineDownload.missing(held, day(3), day(5), LATER, HOUR)).isEmpty();
        assertThat(KlineDownload.missing(held, day(2), day(4), LATER, HOUR)).containsExactly(new Gap(day(2), day(3)));
        assertThat(KlineDownload.missing(held, day(4), day(6), LATER, HOUR)).containsExactly(new Gap(day(5), day(6)));
    }

    @Test
    void lessThanAPeriodBeforeAFilesFirstCandleHoldsNoCandleOfItsGrid() {
        // Weekly candles open on Mondays: a range from the Thursday before has no candle in the three days between.
        Duration week = Duration.ofDays(7);
        Instant monday = Instant.parse("2024-01-08T00:00:00Z");
        List<Stretch> held = List.of(new Stretch(monday, monday.plus(week)));

        assertThat(KlineDownload.missing(held, Instant.parse("2024-01-04T00:00:00Z"), monday.plus(week), LATER,
                week)).isEmpty();
        assertThat(KlineDownload.missing(held, Instant.parse("2024-01-01T00:00:00Z"), monday.plus(week), LATER,
                week)).containsExactly(new Gap(Instant.parse("2024-01-01T00:00:00Z"), monday));
    }

    @Test
    void aCandleIsAskedForOnlyOnceItIsFinalThreeSecondsAfterItsEnd() {
        List<Stretch> held = List.of(new Stretch(day(1), day(2).plus(Duration.ofHours(10))));
        Instant tenOClock = day(2).plus(Duration.ofHours(10));

        // At 11:00:02 the 10:00 candle may still change; at 11:00:03 it is final.
        assertThat(KlineDownload.missing(held, day(1), tenOClock.plusSeconds(3602), tenOClock.plusSeconds(3602), HOUR))
                .isEmpty();
        assertThat(KlineDownload.missing(held, day(1), tenOClock.plusSeconds(3603), tenOClock.plusSeconds(3603), HOUR))
                .containsExactly(new Gap(tenOClock, tenOClock.plusSeconds(3603)));
    }

    @Test
    void mergingKeepsTimeOrderAndWhatWasHeldForATimeInBoth() {
        Symbol btc = new Symbol("BTC", "USDT");
        Candle held1 = candle(btc, 1, "10");
        Candle held3 = candle(btc, 3, "30");
        Candle fetched2 = candle(btc, 2, "20");
        Candle fetched3 = candle(btc, 3, "31");
        Candle fetched4 = candle(btc, 4, "40");

        assertThat(KlineDownload.merge(List.of(held1, held3), List.of(fetched2, fetched3, fetched4)))
                .containsExactly(held1, fetched2, held3, fetched4);
        assertThat(KlineDownload.merge(List.of(), List.of(fetched2))).containsExactly(fetched2);
        assertThat(KlineDownload.merge(List.of(held1), List.of())).containsExactly(held1);
    }

    static Candle candle(Symbol s, int hour, String price) {
        BigDecimal p = new BigDecimal(price);
        return new Candle(s, JAN_1.plus(Duration.ofHours(hour)), HOUR, p, p, p, p, BigDecimal.ONE);
    }
}
