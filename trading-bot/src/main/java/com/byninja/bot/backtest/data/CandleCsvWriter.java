package com.byninja.bot.backtest.data;

import com.byninja.bot.domain.Candle;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes candles to files the backtest reads back, such as {@link SyntheticCandles} for tests and benchmarks. */
public final class CandleCsvWriter {

    private CandleCsvWriter() {
    }

    /**
     * Writes a header CSV: {@code timestamp,open,high,low,close,volume}, times in epoch milliseconds, numbers as they
     * are (no exponent).
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, Iterable<Candle> candles) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("timestamp,open,high,low,close,volume\n");
            for (Candle c : candles) {
                out.write(Long.toString(c.start().toEpochMilli()));
                values(out, c);
                out.write('\n');
            }
        }
    }

    /**
     * Writes Binance's kline format, as in its downloadable files: no header, twelve columns, open and close time in
     * epoch milliseconds; the quote volume and the taker columns are 0.
     *
     * @throws IOException when the file cannot be written
     */
    public static void writeBinance(Path file, Iterable<Candle> candles) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (Candle c : candles) {
                long start = c.start().toEpochMilli();
                out.write(Long.toString(start));
                values(out, c);
                out.write(',');
                out.write(Long.toString(start + c.period().toMillis() - 1));
                out.write(",0,0,0,0,0\n");
            }
        }
    }

    private static void values(Writer out, Candle c) throws IOException {
        out.write(',');
        out.write(c.open().toPlainString());
        out.write(',');
        out.write(c.high().toPlainString());
        out.write(',');
        out.write(c.low().toPlainString());
        out.write(',');
        out.write(c.close().toPlainString());
        out.write(',');
        out.write(c.volume().toPlainString());
    }
}
