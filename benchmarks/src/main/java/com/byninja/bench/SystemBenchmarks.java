package com.byninja.bench;

import com.byninja.system.Daemon;
import com.byninja.system.Deployment;
import com.byninja.telegram.testing.FakeBotApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Measurements of the two jars as real processes, with the JVM flags the docs recommend: the Telegram round trip
 * through both daemons, start-up time, and resident memory after minutes of trading.
 */
final class SystemBenchmarks {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** No pacing: this measures latency, and Telegram's per-chat limit would otherwise dominate it. */
    private static final String UNPACED = """
            sending:
              intervalMs: 0
              burst: 1000
            """;

    private static final String TEN_SYMBOLS = """
            name: alpha
            symbols: [BTC/USDT, ETH/USDT, SOL/USDT, XRP/USDT, ADA/USDT, DOGE/USDT, DOT/USDT, LTC/USDT, LINK/USDT, AVAX/USDT]
            timeframe: 5s
            marketData:
              pollIntervalMs: 250
            strategy:
              name: sma-cross
              smaCross:
                fastPeriod: 3
                slowPeriod: 8
            risk:
              maxOpenPositions: 5
              stopLossPct: 1
              takeProfitPct: 1
            simulator:
              tickIntervalMs: 250
              defaultMarket:
                startPrice: 100
                driftPct: 0
                volatilityPct: 400
                priceDecimals: 4
            """;

    private SystemBenchmarks() {
    }

    /** A Telegram update in, the reply's sendMessage out, over both daemons; {@code commands} measured. */
    static void endToEnd(Consumer<String> report, int commands) throws Exception {
        Path dir = Files.createTempDirectory("byninja-e2e");
        try (Deployment d = new Deployment(dir, "", UNPACED)) {
            d.startBoth();
            for (int i = 0; i < 200; i++) {
                roundTrip(d);
            }
            long[] nanos = new long[commands];
            for (int i = 0; i < commands; i++) {
                nanos[i] = roundTrip(d);
            }
            Arrays.sort(nanos);
            report.accept("## 4. End to end: Telegram update in, reply's sendMessage out");
            report.accept("");
            report.accept("`/status` from the owner's chat: fake Bot API → telegram-server (long poll) → link → "
                    + "trading-bot → link → telegram-server → sendMessage, " + commands + " commands one after the "
                    + "other, after 200 for warm-up. Pacing is off for this run (it would otherwise hold replies to "
                    + "Telegram's 1 message per second per chat).");
            report.accept("");
            report.accept("| p50 | p90 | p99 | max | target |");
            report.accept("|---|---|---|---|---|");
            report.accept(String.format(java.util.Locale.ROOT, "| %.1f ms | %.1f ms | %.1f ms | %.1f ms | p99 ≤ 20 ms |",
                    ms(percentile(nanos, 50)), ms(percentile(nanos, 90)), ms(percentile(nanos, 99)),
                    ms(nanos[nanos.length - 1])));
            report.accept("");
        }
    }

    /** @return nanoseconds from the update being offered to getUpdates to the reply reaching sendMessage */
    private static long roundTrip(Deployment d) {
        FakeBotApi api = d.api;
        int before = api.sentTo(Deployment.OWNER).size();
        long start = System.nanoTime();
        api.userSends(Deployment.OWNER, "/status");
        long deadline = start + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            List<FakeBotApi.Sent> sent = api.sentTo(Deployment.OWNER);
            if (sent.size() > before) {
                return sent.get(before).atNanos() - start;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no reply to /status within 10 s");
            }
            LockSupport.parkNanos(50_000);
        }
    }

    /** Start-up time of each daemon until ready, and resident memory after {@code minutes} of trading. */
    static void footprint(Consumer<String> report, int minutes) throws Exception {
        Path dir = Files.createTempDirectory("byninja-footprint");
        List<Long> botStarts = new ArrayList<>();
        List<Long> telegramStarts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            try (Deployment d = new Deployment(dir.resolve("start-" + i), TEN_SYMBOLS, UNPACED)) {
                long t0 = System.nanoTime();
                Daemon telegram = d.startTelegram();
                awaitReady(telegram, "Polling Telegram at", "listening on");
                telegramStarts.add(System.nanoTime() - t0);
                t0 = System.nanoTime();
                Daemon bot = d.startBot();
                awaitReady(bot, "alpha trading \\[");
                botStarts.add(System.nanoTime() - t0);
            }
        }
        long botRss;
        long telegramRss;
        int trades;
        try (Deployment d = new Deployment(dir.resolve("run"), TEN_SYMBOLS, UNPACED)) {
            d.startBoth();
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
            while (System.nanoTime() < end) {
                // Owner traffic during the run, so that both daemons do their whole job.
                d.ask("/status", "Global:");
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
            }
            botRss = rssKb(d.bot.pid());
            telegramRss = rssKb(d.telegram.pid());
            trades = (int) d.count("SELECT COUNT(*) FROM orders");
        }
        report.accept("## 5. Footprint (JVM flags of docs/operations.md)");
        report.accept("");
        report.accept("| daemon | ready after (median of 5) | RSS after " + minutes + " min, 10 symbols | target |");
        report.accept("|---|---|---|---|");
        report.accept(String.format(java.util.Locale.ROOT, "| trading-bot | %.2f s | %d MB | ≤ 1.5 s, ≤ 150 MB |",
                median(botStarts) / 1e9, botRss / 1024));
        report.accept(String.format(java.util.Locale.ROOT, "| telegram-server | %.2f s | %d MB | ≤ 1.5 s, ≤ 150 MB |",
                median(telegramStarts) / 1e9, telegramRss / 1024));
        report.accept("");
        report.accept("The bot placed " + trades + " orders during the run. Ready means: the bot's trading loop "
                + "runs (its start-up log line); the server listens on the link and polls Telegram.");
        report.accept("");
    }

    /** Waits, polling every 2 ms, until the daemon's output shows every one of {@code lines}. */
    private static void awaitReady(Daemon daemon, String... lines) throws IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<java.util.regex.Pattern> patterns = Arrays.stream(lines).map(java.util.regex.Pattern::compile).toList();
        while (true) {
            String out = daemon.output();
            if (patterns.stream().allMatch(p -> p.matcher(out).find())) {
                return;
            }
            if (!daemon.isAlive() || System.nanoTime() > deadline) {
                throw new IOException(daemon + " not ready: " + daemon.tail());
            }
            LockSupport.parkNanos(2_000_000);
        }
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for pid " + pid);
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

}
