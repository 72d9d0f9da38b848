package com.byninja.charts;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Example charts to look at, and the time a year of minutes takes to draw. Not part of the build (the name is not a
 * test's); run it on purpose: {@code mvn -o -q -pl trading-bot -am test -Dtest=ChartExamplesIntegration
 * -Dsurefire.failIfNoSpecifiedTests=false -Dchart.examples=/tmp/chart-examples}, the directory defaulting to
 * {@code trading-bot/target/chart-examples}. The times are on standard output, in the surefire report's output file.
 */
class ChartExamplesIntegration {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Path dir = Path.of(System.getProperty("chart.examples", "target/chart-examples"));

    @Test
    void writeExamples() throws IOException {
        // A year of minutes first, so the first round shows the cost of a cold start.
        List<EquityPoint> yearEquity = SyntheticRun.equity(525_600, Duration.ofMinutes(1));
        List<Bar> year = SyntheticRun.candles(525_600, Duration.ofMinutes(1));
        List<TradeMark> yearMarks = SyntheticRun.marks(year, 60);
        for (int round = 1; round <= 5; round++) {
            long allocated = THREADS.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            Charts.equity(dir.resolve("equity-year-1m.png"), "Backtest: a year of minutes", "USDT", yearEquity);
            long equityDone = System.nanoTime();
            long equityAllocated = THREADS.getCurrentThreadAllocatedBytes();
            Charts.price(dir.resolve("price-year-1m.png"), "BTC/USDT", year, "USDT", yearMarks);
            long priceDone = System.nanoTime();
            long priceAllocated = THREADS.getCurrentThreadAllocatedBytes();
            System.out.printf("round %d: equity %d ms (%d MB allocated), price %d ms (%d MB allocated)%n", round,
                    (equityDone - start) / 1_000_000, (equityAllocated - allocated) >> 20,
                    (priceDone - equityDone) / 1_000_000, (priceAllocated - equityAllocated) >> 20);
        }

        Charts.equity(dir.resolve("equity-90-days-hourly.png"), "Backtest: SMA cross on BTC/USDT", "USDT",
                SyntheticRun.equity(90 * 24, Duration.ofHours(1)));
        List<Bar> month = SyntheticRun.candles(30 * 96, Duration.ofMinutes(15));
        Charts.price(dir.resolve("price-30-days-15m.png"), "BTC/USDT", month, "USDT", SyntheticRun.marks(month, 10));
        Charts.price(dir.resolve("price-no-trades.png"), "BTC/USDT", month, "USDT", List.of());
        List<Bar> days = SyntheticRun.candles(60, Duration.ofDays(1));
        Charts.price(dir.resolve("price-60-days-daily.png"), "BTC/USDT", days, "USDT", SyntheticRun.marks(days, 5));
        Charts.equity(dir.resolve("equity-empty.png"), "Backtest", "USDT", List.of());
        Charts.price(dir.resolve("price-empty.png"), "BTC/USDT", List.of(), "USDT", List.of());
    }
}
