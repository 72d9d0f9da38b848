package com.byninja.bot.engine;

import static com.byninja.bot.TraderFixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.byninja.bot.TraderFixture;
import com.byninja.bot.domain.Candle;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A person watching the log sees the bot work while its strategy waits: where it stands after the history is loaded,
 * and one line per symbol at every candle close.
 */
class ProgressLinesTest {

    @TempDir
    Path dir;
    TraderFixture f;
    final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    final Logger log = (Logger) LoggerFactory.getLogger(Trader.class);

    @BeforeEach
    void capture() {
        lines.start();
        log.addAppender(lines);
        log.setLevel(Level.INFO);
    }

    @AfterEach
    void release() throws Exception {
        log.detachAppender(lines);
        log.setLevel(null);
        f.close();
    }

    List<String> info() {
        return lines.list.stream().filter(e -> e.getLevel() == Level.INFO).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    static List<Candle> closes(String... closes) {
        List<Candle> candles = new ArrayList<>();
        // Just before the fixture's first live candle, which opens an hour before T0.
        Instant start = TraderFixture.T0.minus(Duration.ofHours(1)).minus(Duration.ofMinutes(closes.length));
        for (String c : closes) {
            BigDecimal p = new BigDecimal(c);
            candles.add(new Candle(BTC, start, Duration.ofMinutes(1), p, p, p, p, BigDecimal.ONE));
            start = start.plus(Duration.ofMinutes(1));
        }
        return candles;
    }

    @Test
    void theHistorySaysWhereTheStrategyStandsAndEachCloseSaysItAgain() throws Exception {
        f = new TraderFixture(dir, "strategy:\n  smaCross:\n    fastPeriod: 2\n    slowPeriod: 3\n");

        // SMA 2 of 14, 12 is 13; SMA 3 of 16, 14, 12 is 14.
        f.trader.onHistory(BTC, closes("20", "18", "16", "14", "12"));
        // Now 12, 14: SMA 2 is 13 against SMA 3 of 14, 12, 14 = 13.33333333.
        f.candle(BTC, "14");

        assertThat(info()).containsSequence(
                "BTC/USDT: 5 candles of history; SMA 2 13 is below SMA 3 14: buys when it crosses above; it decides "
                        + "again when the next 1m candle closes",
                "BTC/USDT 1m candle closed at 14: SMA 2 13 is below SMA 3 13.33333333: buys when it crosses above; "
                        + "no position");
    }

    @Test
    void aStrategyWithTooFewCandlesSaysHowManyItStillNeeds() throws Exception {
        f = new TraderFixture(dir, "strategy:\n  name: rsi\n  rsi:\n    period: 14\n");

        f.trader.onHistory(BTC, closes("100", "101"));

        assertThat(info()).containsExactly("BTC/USDT: 2 candles of history; warming up: 2 of 15 candles; it decides "
                + "again when the next 1m candle closes");
    }

    @Test
    void aCloseWithAPositionSaysWhatSellingNowWouldEarn() throws Exception {
        f = new TraderFixture(dir, "strategy:\n  name: rsi\n  rsi:\n    period: 2\n");
        f.trader.onHistory(BTC, closes("100", "101", "99"));
        f.openPosition(BTC, "1", "100", "0.1");
        lines.list.clear();

        f.candle(BTC, "100");

        // RSI 2 (Wilder's averages, starting from the first bar) over 100, 101, 99, 100: gains 0, 1, 0, 1 average
        // 0, 0.5, 0.25, 0.625; losses 0, 0, 2, 0 average 0, 0, 1, 0.5; RS 1.25, RSI 100 - 100 / 2.25 = 55.6.
        // Selling 1 BTC at 100 gives 100, less the 100.1 it cost: -0.10.
        assertThat(info()).containsExactly("BTC/USDT 1m candle closed at 100: RSI 2 is 55.6: buys below 30, sells "
                + "above 70; holding 1 BTC, unrealised -0.10 USDT");
    }
}
