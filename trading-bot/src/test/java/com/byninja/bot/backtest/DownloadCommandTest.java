package com.byninja.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.byninja.bot.backtest.data.DateRange;
import com.byninja.bot.backtest.data.LoadedCandles;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code backtest download} against the Binance stub, as a person runs it: the pages it asks for, the monthly files it
 * writes and the backtest reads back, a second run that fetches only what is new, rate limits, and every wrong input.
 */
class DownloadCommandTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Symbol ETH = new Symbol("ETH", "USDT");
    static final long JAN_1 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    @TempDir
    Path tmp;
    DownloadFixture f;
    Path data;

    @BeforeEach
    void start() throws Exception {
        f = new DownloadFixture(tmp, Instant.parse("2024-01-02T17:40:30Z"));
        data = tmp.resolve("candles");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void twoThousandFiveHundredClosedCandlesTakeThreePacedRequestsOfAtMostAThousandFromTheStartOfTheRange()
            throws Exception {
        // 2024-01-02 17:40:30: two days are 2024-01-01 00:00 to the last closed candle, 17:39; 2,500 of them.
        Path config = f.config("bot.yml", "BTC/USDT", "1m", "");

        int status = f.run("--config", config.toString(), "--days", "2", "--dir", data.toString());

        assertThat(status).as(f.err()).isZero();
        assertThat(f.stub.klineRequests()).extracting(r -> r.params().get("startTime"), r -> r.params().get("limit"),
                        r -> r.params().get("interval"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Long.toString(JAN_1), "1000", "1m"),
                        org.assertj.core.groups.Tuple.tuple(Long.toString(JAN_1 + 1000 * 60_000L), "1000", "1m"),
                        org.assertj.core.groups.Tuple.tuple(Long.toString(JAN_1 + 2000 * 60_000L), "502", "1m"));
        assertThat(DownloadFixture.names(data)).containsExactly(".download.lock", "BTCUSDT-1m-2024-01.csv");
        List<String> lines = Files.readAllLines(data.resolve("BTCUSDT-1m-2024-01.csv"));
        assertThat(lines).hasSize(2_500);
        assertThat(lines.get(2_499)).startsWith(Instant.parse("2024-01-02T17:39:00Z").toEpochMilli() + ",");
        // One request every 200 ms at most: the market list, then three pages, each 200 ms after the one before.
        assertThat(f.sleeps).containsExactly(200L, 200L, 200L);
        assertThat(f.out()).isEqualTo("""
                Downloading Binance's 1m candles of BTC/USDT, 2024-01-01 to now (UTC), into %1$s
                From %3$s (exchange.baseUrl in %2$s)
                BTC/USDT: 2,500 candles in 3 requests, 1 month written (2024-01); holds 2024-01-01 00:00 to \
                2024-01-02 17:39
                Fetched 2,500 candles in 4 requests (1 for the market list), wrote 1 file in %1$s
                Next: java -jar trading-bot.jar backtest --config %2$s --data %1$s
                """.formatted(data, config, f.stub.baseUrl()));
        assertThat(f.err()).isEmpty();
    }

    @Test
    void eachSymbolGetsAFileAMonthInBinancesFormatThatReadsBackExactlyAsTheStubServedIt() throws Exception {
        f.clock.set(Instant.parse("2024-06-01T12:00:00Z"));
        Path config = f.config("bot.yml", "BTC/USDT, ETH/USDT", "1h", "");

        int status = f.run("--config", config.toString(), "--days", "91", "--to", "2024-03-31", "--dir",
                data.toString());

        assertThat(status).as(f.err()).isZero();
        assertThat(DownloadFixture.names(data)).containsExactly(".download.lock", "BTCUSDT-1h-2024-01.csv",
                "BTCUSDT-1h-2024-02.csv", "BTCUSDT-1h-2024-03.csv", "ETHUSDT-1h-2024-01.csv", "ETHUSDT-1h-2024-02.csv",
                "ETHUSDT-1h-2024-03.csv");
        // 31, 29 and 31 days of hours.
        assertThat(Files.readAllLines(data.resolve("BTCUSDT-1h-2024-01.csv"))).hasSize(744);
        assertThat(Files.readAllLines(data.resolve("BTCUSDT-1h-2024-02.csv"))).hasSize(696);
        assertThat(Files.readAllLines(data.resolve("BTCUSDT-1h-2024-03.csv"))).hasSize(744);
        // The stub's hour n (epoch hours) closes at 60000 + (n mod 97) / 100; 2024-01-01 00:00 is hour 473,352.
        assertThat(Files.readAllLines(data.resolve("BTCUSDT-1h-2024-01.csv")).get(0)).isEqualTo("1704067200000,"
                + "59999.89000000,60010.89000000,59990.89000000,60000.89000000,0.01000000,1704070799999,0,0,0,0,0");
        assertThat(f.klineRequests()).isEqualTo(6);

        LoadedCandles loaded = LoadedCandles.load(List.of(data.toString()), List.of(BTC, ETH), Duration.ofHours(1),
                DateRange.ALL);
        for (Symbol s : List.of(BTC, ETH)) {
            List<Candle> candles = loaded.of(s).candles();
            // The last page went on past March: Binance answers a thousand from its start.
            long april = Instant.parse("2024-04-01T00:00:00Z").toEpochMilli();
            List<String> served = f.stub.servedKlines(s.compact()).stream()
                    .filter(row -> Long.parseLong(row.substring(1, row.indexOf(','))) < april).toList();
            assertThat(candles).hasSize(2_184).hasSameSizeAs(served);
            for (int i = 0; i < candles.size(); i++) {
                assertThat(text(candles.get(i))).isEqualTo(text(served.get(i)));
            }
        }
        assertThat(f.out()).contains("BTC/USDT: 2,184 candles in 3 requests, 3 months written (2024-01 to 2024-03); "
                        + "holds 2024-01-01 00:00 to 2024-03-31 23:00",
                "ETH/USDT: 2,184 candles in 3 requests, 3 months written (2024-01 to 2024-03); "
                        + "holds 2024-01-01 00:00 to 2024-03-31 23:00",
                "Fetched 4,368 candles in 7 requests (1 for the market list), wrote 6 files in " + data,
                "Next: java -jar trading-bot.jar backtest --config " + config + " --data " + data + "\n");

        // What the next line says to run, runs.
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        Logger trader = (Logger) LoggerFactory.getLogger("com.byninja.bot.engine.Trader");
        Level was = trader.getLevel();
        trader.setLevel(Level.WARN);
        try {
            assertThat(BacktestCommand.run(new String[] {"--config", config.toString(), "--data", data.toString(),
                    "--report", tmp.resolve("report").toString()}, new PrintStream(report, true,
                    StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8))).isZero();
        } finally {
            trader.setLevel(was);
        }
        assertThat(report.toString(StandardCharsets.UTF_8)).contains("Candles: 4,368");
    }

    @Test
    void aSecondRunFetchesOnlyTheNewCandlesIntoTheSameFilesAndAThirdFindsNothingToFetch() throws Exception {
        Path config = f.config("bot.yml", "BTC/USDT", "1m", "");
        f.clock.set(Instant.parse("2024-01-31T22:00:30Z"));
        assertThat(f.run("--config", config.toString(), "--days", "2", "--dir", data.toString())).isZero();
        assertThat(f.klineRequests()).isEqualTo(3);

        // Three hours later, across the month's end: one page from 22:00 on, to January's file and a new February.
        f.clock.set(Instant.parse("2024-02-01T01:00:30Z"));
        assertThat(f.run("--config", config.toString(), "--days", "2", "--dir", data.toString())).isZero();

        assertThat(f.klineRequests()).isEqualTo(4);
        assertThat(f.stub.klineRequests().get(3).params()).containsEntry("startTime",
                Long.toString(Instant.parse("2024-01-31T22:00:00Z").toEpochMilli()));
        assertThat(f.out()).contains("BTC/USDT: 180 candles in 1 request, 2 months written (2024-01 to 2024-02); "
                + "holds 2024-01-30 00:00 to 2024-02-01 00:59");
        assertThat(Files.readAllLines(data.resolve("BTCUSDT-1m-2024-01.csv"))).hasSize(2 * 1440);
        assertThat(Files.readAllLines(data.resolve("BTCUSDT-1m-2024-02.csv"))).hasSize(60);

        // The same files as one run over the whole stretch writes, byte for byte.
        Path once = tmp.resolve("once");
        assertThat(f.run("--config", config.toString(), "--days", "3", "--dir", once.toString())).isZero();
        assertThat(DownloadFixture.contents(data)).isEqualTo(DownloadFixture.contents(once));

        int requests = f.allRequests();
        assertThat(f.run("--config", config.toString(), "--days", "2", "--dir", data.toString())).isZero();
        assertThat(f.allRequests()).isEqualTo(requests);
        assertThat(f.out()).isEqualTo("""
                Downloading Binance's 1m candles of BTC/USDT, 2024-01-31 to now (UTC), into %1$s
                From %3$s (exchange.baseUrl in %2$s)
                BTC/USDT: nothing missing; holds 2024-01-30 00:00 to 2024-02-01 00:59
                Nothing to fetch: %1$s holds every closed candle asked for (0 requests).
                Next: java -jar trading-bot.jar backtest --config %2$s --data %1$s --from 2024-01-31
                """.formatted(data, config, f.stub.baseUrl()));
    }

    @Test
    void aLongerRangeFetchesOnlyTheDaysBeforeAndAfterWhatIsHeld() throws Exception {
        f.clock.set(Instant.parse("2024-06-01T12:00:00Z"));
        Path config = f.config("bot.yml", "BTC/USDT", "1h", "");
        assertThat(f.run("--config", config.toString(), "--days", "31", "--to", "2024-01-31", "--dir",
                data.toString())).isZero();
        String january = Files.readString(data.resolve("BTCUSDT-1h-2024-01.csv"));

        // 2023-12-30 to 2024-02-29: two days of December before January, February after it.
        assertThat(f.run("--config", config.toString(), "--days", "62", "--to", "2024-02-29", "--dir",
                data.toString())).isZero();

        assertThat(f.stub.klineRequests().subList(1, 3)).extracting(r -> r.params().get("startTime")).containsExactly(
                Long.toString(Instant.parse("2023-12-30T00:00:00Z").toEpochMilli()),
                Long.toString(Instant.parse("2024-02-01T00:00:00Z").toEpochMilli()));
        assertThat(f.out()).contains("BTC/USDT: 744 candles in 2 requests, 2 months written (2023-12, 2024-02); "
                + "holds 2023-12-30 00:00 to 2024-02-29 23:00\n");
        assertThat(Files.readString(data.resolve("BTCUSDT-1h-2024-01.csv"))).isEqualTo(january);
        Path once = tmp.resolve("once");
        assertThat(f.run("--config", config.toString(), "--days", "62", "--to", "2024-02-29", "--dir",
                once.toString())).isZero();
        assertThat(DownloadFixture.contents(data)).isEqualTo(DownloadFixture.contents(once));
    }

    @Test
    void aRateLimitsRetryAfterIsWaitedOutAndOneBeyondAMinuteStopsTheRunWithWhenToComeBack() throws Exception {
        f.clock.set(Instant.parse("2024-06-01T12:00:00Z"));
        Path config = f.config("bot.yml", "BTC/USDT", "1h", "");
        f.stub.rateLimitNextKlines(429, 3);

        assertThat(f.run("--config", config.toString(), "--days", "1", "--to", "2024-01-01", "--dir",
                data.toString())).as(f.err()).isZero();

        // 200 ms of pacing after the market list; then the 3 s Retry-After, which leaves no pacing to wait.
        assertThat(f.sleeps).containsExactly(200L, 3_000L);
        assertThat(f.klineRequests()).isEqualTo(2);
        assertThat(Files.readAllLines(data.resolve("BTCUSDT-1h-2024-01.csv"))).hasSize(24);

        f.stub.rateLimitNextKlines(418, 7_200);
        assertThat(f.run("--config", config.toString(), "--days", "2", "--to", "2024-01-02", "--dir",
                data.toString())).isEqualTo(1);

        assertThat(f.klineRequests()).isEqualTo(3);
        assertThat(f.err()).startsWith("Stopped: candles of BTC/USDT failed: ")
                .endsWith("; Binance asks for no request in the next 2 h, what was fetched is kept in " + data
                        + "; run the same command again after 2024-06-01 14:00 UTC\n");
        assertThat(f.out()).contains("BTC/USDT: 0 candles in 1 request, no month written before it stopped; holds "
                + "2024-01-01 00:00 to 2024-01-01 23:00");
    }

    @Test
    void theSimulatorsConfigurationFetchesBinancesPublicDataAndSaysSo() throws Exception {
        Path config = Files.writeString(tmp.resolve("sim.yml"), """
                dataDir: %s
                symbols: [ETH/USDT]
                timeframe: 1h
                """.formatted(tmp.resolve("d").toString().replace("\\", "/")));

        assertThat(f.run("--config", config.toString(), "--days", "1", "--to", "2024-01-01", "--dir",
                data.toString())).as(f.err()).isZero();

        assertThat(f.out()).contains("The configuration's exchange is the simulator: fetching Binance's public market "
                + "data from " + f.stub.baseUrl() + " with default settings (no keys needed)\n");
        assertThat(f.stub.klineRequests()).singleElement().satisfies(r -> {
            assertThat(r.params()).containsEntry("symbol", "ETHUSDT");
            assertThat(r.apiKey()).isNull();
        });
    }

    @Test
    void aLiveConfigurationNeedsNoKeysAndNeverSendsNorPrintsThem() throws Exception {
        f.env = Map.of("BYNINJA_EXCHANGE_API_KEY", "live-key-123456", "BYNINJA_EXCHANGE_API_SECRET",
                "live-secret-abcdef");
        Path config = f.config("live.yml", "BTC/USDT", "1h", "");
        Files.writeString(config, Files.readString(config).replace("type: binance", "type: binance\n  mode: live"));

        assertThat(f.run("--config", config.toString(), "--days", "1", "--to", "2024-01-01", "--dir",
                data.toString())).as(f.err()).isZero();
        f.env = Map.of();
        assertThat(f.run("--config", config.toString(), "--days", "2", "--to", "2024-01-02", "--dir",
                data.toString())).as(f.err()).isZero();

        assertThat(f.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.apiKey()).isNull());
        assertThat(f.out() + f.err()).doesNotContain("live-key", "live-secret");
    }

    @Test
    void aMarketListedAfterTheRangesStartBeginsWhereBinancesDataDoesAndEachRunAsksOnceForTheTimeBefore()
            throws Exception {
        f.stub.klinesAsHistory(Instant.parse("2024-01-01T05:00:00Z"));
        f.clock.set(Instant.parse("2024-06-01T12:00:00Z"));
        Path config = f.config("bot.yml", "BTC/USDT", "1h", "");
        assertThat(f.run("--config", config.toString(), "--days", "3", "--to", "2023-12-31", "--dir",
                tmp.resolve("before").toString())).as(f.err()).isZero();
        assertThat(f.out()).contains("BTC/USDT: 0 candles in 1 request, no month written; holds nothing (Binance has "
                + "none in that range)\n");

        assertThat(f.run("--config", config.toString(), "--days", "3", "--to", "2024-01-01", "--dir",
                data.toString())).as(f.err()).isZero();

        assertThat(f.out()).contains("BTC/USDT: 19 candles in 1 request, 1 month written (2024-01); holds "
                + "2024-01-01 05:00 to 2024-01-01 23:00 (Binance has none earlier)");
        assertThat(f.run("--config", config.toString(), "--days", "3", "--to", "2024-01-01", "--dir",
                data.toString())).isZero();
        assertThat(f.out()).contains("BTC/USDT: 0 candles in 1 request, no month written; holds 2024-01-01 05:00 to "
                + "2024-01-01 23:00 (Binance has none earlier)");
    }

    @Test
    void wrongInputExitsWithTwoAndOneLineSayingWhatAndWhatToDoWithoutARequest() throws Exception {
        Path config = f.config("bot.yml", "BTC/USDT", "1m", "");
        String c = config.toString();
        String d = data.toString();

        assertThat(f.run("--config", c, "--days", "2", "--speed", "fast")).isEqualTo(2);
        assertThat(f.err()).isEqualTo("--speed: unknown argument; download takes --config, --days, --to and --dir "
                + "(see backtest download --help)\n");
        assertThat(f.run("--config", c, "--dir", d)).isEqualTo(2);
        assertThat(f.err()).isEqualTo("--days: missing; give how many days of history to fetch, such as --days 365\n");
        for (String days : List.of("0", "-3", "abc", "1.5", "100001")) {
            assertThat(f.run("--config", c, "--days", days)).isEqualTo(2);
            assertThat(f.err()).isEqualTo("--days " + days + ": not a whole number of days from 1 to 100000; give "
                    + "how many days to fetch, such as --days 365\n");
        }
        assertThat(f.run("--config", c, "--days", "2", "--to", "2024-13-01")).isEqualTo(2);
        assertThat(f.err()).isEqualTo("--to 2024-13-01: not a date; write it as YYYY-MM-DD, such as 2024-12-31\n");
        assertThat(f.run("--config", c, "--days", "2", "--to", "2024-01-03")).isEqualTo(2);
        assertThat(f.err()).isEqualTo("--to 2024-01-03: after today (2024-01-02, UTC); give a day up to today, or "
                + "leave --to out to fetch up to now\n");
        assertThat(f.run("--config", c, "--days")).isEqualTo(2);
        assertThat(f.err()).isEqualTo("--days: needs a value (see backtest download --help)\n");

        Path twoMinutes = f.config("2m.yml", "BTC/USDT", "2m", "");
        assertThat(f.run("--config", twoMinutes.toString(), "--days", "2", "--dir", d)).isEqualTo(2);
        assertThat(f.err()).isEqualTo(twoMinutes + ": timeframe 2m: Binance has no candles of that length; it has "
                + "1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 8h, 12h, 1d, 3d, 1w; the backtest builds 2m candles from "
                + "shorter ones, so you may download 1m candles (timeframe: 1m) and backtest on 2m\n");
        Path seconds = f.config("10s.yml", "BTC/USDT", "10s", "");
        assertThat(f.run("--config", seconds.toString(), "--days", "2", "--dir", d)).isEqualTo(2);
        assertThat(f.err()).isEqualTo(seconds + ": timeframe 10s: Binance has no candles of that length; it has "
                + "1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 8h, 12h, 1d, 3d, 1w\n");

        Path kucoin = f.config("kucoin.yml", "BTC/USDT", "1m", "");
        Files.writeString(kucoin, Files.readString(kucoin).replace("type: binance",
                "type: org.knowm.xchange.kucoin.KucoinExchange"));
        assertThat(f.run("--config", kucoin.toString(), "--days", "2", "--dir", d)).isEqualTo(2);
        assertThat(f.err()).isEqualTo(kucoin + ": exchange.type org.knowm.xchange.kucoin.KucoinExchange: download "
                + "fetches Binance's candles only; give a configuration with exchange binance or simulated\n");

        Path aFile = Files.writeString(tmp.resolve("a-file"), "not a directory");
        assertThat(f.run("--config", c, "--days", "2", "--dir", aFile.resolve("candles").toString())).isEqualTo(2);
        assertThat(f.err()).startsWith("--dir " + aFile.resolve("candles") + ": cannot make the directory (")
                .endsWith("); give another --dir or make it writable\n");

        Path missing = tmp.resolve("missing.yml");
        assertThat(f.run("--config", missing.toString(), "--days", "2", "--dir", d)).isEqualTo(2);
        assertThat(f.err()).contains(missing.toString()).hasLineCount(1);

        assertThat(f.allRequests()).isZero();

        Path solana = f.config("sol.yml", "SOL/USDT", "1m", "");
        assertThat(f.run("--config", solana.toString(), "--days", "2", "--dir", d)).isEqualTo(2);
        assertThat(f.err()).isEqualTo(solana + ": symbols: binance does not list SOL/USDT; give markets it lists, "
                + "such as BTC/USDT\n");
        assertThat(f.klineRequests()).isZero();
    }

    @Test
    void helpPrintsTheUsageAndTheBacktestsUsageMentionsDownload() {
        assertThat(f.run("--help")).isZero();
        assertThat(f.out()).startsWith("Usage: java -jar trading-bot.jar backtest download --config FILE --days N "
                + "[--to DATE] [--dir DIR]");
        assertThat(BacktestCommand.USAGE).contains("backtest download --config FILE --days N [--to DATE] [--dir DIR]");
    }

    /** @return open time, open, high, low, close and volume, as written */
    static String text(Candle c) {
        return c.start().toEpochMilli() + "," + c.open().toPlainString() + "," + c.high().toPlainString() + ","
                + c.low().toPlainString() + "," + c.close().toPlainString() + "," + c.volume().toPlainString();
    }

    /** @return the same six of a served kline row */
    static String text(String servedRow) throws Exception {
        JsonNode row = new ObjectMapper().readTree(servedRow);
        StringBuilder s = new StringBuilder(row.get(0).asText());
        for (int i = 1; i <= 5; i++) {
            s.append(',').append(row.get(i).asText());
        }
        return s.toString();
    }
}
