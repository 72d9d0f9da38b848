package com.byninja.bot.backtest.data;

import com.byninja.bot.domain.Symbol;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Candle files for tests, written line by line as a person would write them. */
final class CandleFiles {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Symbol ETH = new Symbol("ETH", "USDT");
    static final Duration M1 = Duration.ofMinutes(1);
    static final Duration M5 = Duration.ofMinutes(5);
    /** 2024-01-01T00:00:00Z in epoch milliseconds. */
    static final long JAN_1 = 1_704_067_200_000L;

    private CandleFiles() {
    }

    static Path write(Path dir, String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.US_ASCII);
    }

    /** @return a Binance kline line for a one-minute candle {@code minute} minutes after 2024-01-01T00:00:00Z */
    static String kline(int minute, String open, String high, String low, String close, String volume) {
        long start = JAN_1 + minute * 60_000L;
        return start + "," + open + "," + high + "," + low + "," + close + "," + volume + "," + (start + 59_999)
                + ",0,0,0,0,0";
    }

    /** @return a Binance kline line for a quiet one-minute candle: every price 100, volume 1 */
    static String kline(int minute) {
        return kline(minute, "100", "100", "100", "100", "1");
    }

    static Instant minute(int minute) {
        return Instant.ofEpochMilli(JAN_1 + minute * 60_000L);
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
