package com.byninja.bot.engine;

import static com.byninja.bot.TraderFixture.BTC;
import static com.byninja.bot.TraderFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.domain.EquitySample;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The equity written on the clock into the real SQLite store, for {@code /equity}. */
class EquitySamplesTest {

    @TempDir
    Path dir;
    TraderFixture f;

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    Instant at(String hhmmss) {
        return Instant.parse("2026-03-01T" + hhmmss + "Z");
    }

    @Test
    void aSampleFallsOnTheHourWithThePositionsAtTheirLastPriceAndMissedHoursAreNotMadeUp() throws Exception {
        f = new TraderFixture(dir, "");
        assertThat(T0).isEqualTo(at("10:00:00"));
        f.trader.periodicChecks();
        f.clock.set(at("10:59:59"));
        f.trader.periodicChecks();
        assertThat(f.store.equitySince(T0)).isEmpty();

        // 1 BTC bought at 100 for 100 USDT, no fee: 9,900 free, and 1 BTC at its last price, 120.
        f.openPosition(BTC, "1", "100", "0");
        f.price(BTC, "120");
        f.clock.set(at("11:00:30"));
        f.trader.periodicChecks();
        f.clock.set(at("13:10:00"));
        f.trader.periodicChecks();

        assertThat(f.store.equitySince(T0)).extracting(EquitySample::at, s -> s.equity().toPlainString())
                .containsExactly(tuple(at("11:00:00"), "10020"), tuple(at("13:00:00"), "10020"));
    }

    @Test
    void theSamplesOutliveARestartAndAQuarterHourIntervalFallsOnTheQuarters() throws Exception {
        f = new TraderFixture(dir, "store:\n  equitySampleMinutes: 15\n");
        f.trader.periodicChecks();
        f.clock.advance(Duration.ofMinutes(15));
        f.trader.periodicChecks();
        f.clock.advance(Duration.ofMinutes(15));
        f.trader.periodicChecks();

        f.restart();

        assertThat(f.store.equitySince(T0)).extracting(EquitySample::at)
                .containsExactly(at("10:15:00"), at("10:30:00"));
        assertThat(f.store.equitySince(at("10:20:00"))).extracting(EquitySample::at).containsExactly(at("10:30:00"));
    }
}
