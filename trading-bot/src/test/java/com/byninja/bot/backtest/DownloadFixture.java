package com.byninja.bot.backtest;

import com.byninja.bot.MutableClock;
import com.byninja.bot.exchange.binance.BinanceStub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The download command against the Binance stub, on a clock the test sets: the stub's klines are a history that
 * depends on their open times only, and every wait (pacing, retries, Retry-After) is recorded instead of slept, the
 * pacing's time moving by as much.
 */
final class DownloadFixture implements AutoCloseable {

    final BinanceStub stub;
    final MutableClock clock;
    final Path dir;
    /** Every wait the command asked for, in milliseconds. */
    final List<Long> sleeps = new CopyOnWriteArrayList<>();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    Map<String, String> env = Map.of();

    DownloadFixture(Path dir, Instant now) throws IOException {
        this.dir = dir;
        this.clock = new MutableClock(now);
        this.stub = new BinanceStub();
        stub.clock(clock);
        stub.klinesAsHistory(Instant.parse("2017-08-17T04:00:00Z"));
    }

    /** @return a configuration file on the stub's Binance with these symbols and timeframe, and {@code more} */
    Path config(String name, String symbols, String timeframe, String more) throws IOException {
        return Files.writeString(dir.resolve(name), """
                dataDir: %s
                exchange:
                  type: binance
                  baseUrl: %s
                  connectTimeoutMs: 1000
                  readTimeoutMs: 2000
                symbols: [%s]
                timeframe: %s
                """.formatted(dir.resolve("data").toString().replace("\\", "/"), stub.baseUrl(), symbols, timeframe)
                + more);
    }

    int run(String... args) {
        out.reset();
        err.reset();
        sleeps.clear();
        DownloadCommand.Context ctx = new DownloadCommand.Context(clock, nanos::get, ms -> {
            sleeps.add(ms);
            nanos.addAndGet(ms * 1_000_000L);
        }, env, stub.baseUrl(), null);
        return DownloadCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ctx);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    int klineRequests() {
        return stub.klineRequests().size();
    }

    /** @return the market list and klines requests so far */
    List<BinanceStub.Request> requests() {
        return java.util.stream.Stream.concat(stub.requests("GET", "/api/v3/exchangeInfo").stream(),
                stub.klineRequests().stream()).toList();
    }

    int allRequests() {
        return requests().size();
    }

    /** @return every CSV file of the directory by name, its bytes as text, for comparing two directories */
    static Map<String, String> contents(Path directory) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path f : list.filter(f -> f.getFileName().toString().endsWith(".csv")).toList()) {
                files.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.US_ASCII));
            }
        }
        return files;
    }

    /** @return the directory's file names, in order */
    static List<String> names(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    public void close() {
        stub.close();
    }
}
