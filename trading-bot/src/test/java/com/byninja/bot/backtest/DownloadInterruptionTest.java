package com.byninja.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.bot.Main;
import com.byninja.bot.backtest.data.DateRange;
import com.byninja.bot.backtest.data.LoadedCandles;
import com.byninja.bot.domain.Symbol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A download stopped half-way, by a failing exchange or by SIGKILL, leaves only whole files, and the next run ends
 * with the same bytes as a run that was never stopped. The range: January to March 2024 in hours, 2,184 candles in
 * three pages (to 2024-02-11 15:00, to 2024-03-24 07:00, the rest).
 */
class DownloadInterruptionTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final String[] RANGE = {"--days", "91", "--to", "2024-03-31"};

    @TempDir
    Path tmp;
    DownloadFixture f;
    Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
        if (f != null) {
            f.close();
        }
    }

    int download(Path config, Path dir) {
        return f.run("--config", config.toString(), RANGE[0], RANGE[1], RANGE[2], RANGE[3], "--dir", dir.toString());
    }

    @Test
    void aRunTheExchangeFailsAfterTwoPagesKeepsWholeMonthsAndTheNextRunEndsByteForByteAsAnUnbrokenOne()
            throws Exception {
        f = new DownloadFixture(tmp, Instant.parse("2024-06-01T12:00:00Z"));
        Path config = f.config("bot.yml", "BTC/USDT", "1h", "");
        Path broken = tmp.resolve("broken");
        f.stub.failKlinesAfter(2, 500);

        assertThat(download(config, broken)).isEqualTo(1);

        // The third page is tried six times, waiting as the runtime's backoff says, then the run stops.
        assertThat(f.klineRequests()).isEqualTo(2 + 6);
        assertThat(f.sleeps).containsExactly(200L, 200L, 200L, 250L, 500L, 1_000L, 2_000L, 4_000L);
        assertThat(f.err()).startsWith("Stopped after 6 tries: candles of BTC/USDT failed: ")
                .endsWith("; what was fetched is kept in " + broken + "; run the same command again to go on\n")
                .hasLineCount(1);
        assertThat(f.out()).contains("BTC/USDT: 2,000 candles in 8 requests, 3 months written (2024-01 to 2024-03) "
                + "before it stopped; holds 2024-01-01 00:00 to 2024-03-24 07:00\n");
        // Whole files, March up to the last candle fetched: 744 + 696 + 560.
        assertThat(DownloadFixture.names(broken)).containsExactly(".download.lock", "BTCUSDT-1h-2024-01.csv",
                "BTCUSDT-1h-2024-02.csv", "BTCUSDT-1h-2024-03.csv");
        assertThat(Files.readAllLines(broken.resolve("BTCUSDT-1h-2024-03.csv"))).hasSize(560);
        assertThat(candles(broken)).isEqualTo(2_000);

        f.stub.answerKlines();
        assertThat(download(config, broken)).as(f.err()).isZero();
        assertThat(f.stub.klineRequests().get(f.klineRequests() - 1).params()).containsEntry("startTime",
                Long.toString(Instant.parse("2024-03-24T08:00:00Z").toEpochMilli()));
        assertThat(f.out()).contains("BTC/USDT: 184 candles in 1 request, 1 month written (2024-03)");

        Path unbroken = tmp.resolve("unbroken");
        assertThat(download(config, unbroken)).isZero();
        assertThat(DownloadFixture.contents(broken)).isEqualTo(DownloadFixture.contents(unbroken)).hasSize(3);
    }

    @Test
    void aDownloadKilledWhileWaitingForAPageLeavesWholeFilesAndTheNextRunEndsByteForByteAsAnUnbrokenOne()
            throws Exception {
        f = new DownloadFixture(tmp, Instant.now());
        Path config = f.config("bot.yml", "BTC/USDT", "1h", "");
        Path killed = tmp.resolve("killed");
        f.stub.holdKlinesAfter(2);
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "backtest", "download",
                "--config", config.toString(), RANGE[0], RANGE[1], RANGE[2], RANGE[3], "--dir", killed.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("download.out").toFile())
                .start();

        await().atMost(Duration.ofSeconds(60)).until(() -> f.klineRequests() >= 3 || !process.isAlive());
        assertThat(process.isAlive()).as(Files.readString(tmp.resolve("download.out"))).isTrue();
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();

        // January and February were written when March's first candle came; March was in memory only.
        assertThat(DownloadFixture.names(killed)).containsExactly(".download.lock", "BTCUSDT-1h-2024-01.csv",
                "BTCUSDT-1h-2024-02.csv");
        assertThat(candles(killed)).isEqualTo(744 + 696);

        f.stub.answerKlines();
        int before = f.klineRequests();
        assertThat(download(config, killed)).as(f.err()).isZero();
        assertThat(f.klineRequests()).isEqualTo(before + 1);
        assertThat(f.out()).contains("BTC/USDT: 744 candles in 1 request, 1 month written (2024-03)");

        Path unbroken = tmp.resolve("unbroken");
        assertThat(download(config, unbroken)).isZero();
        assertThat(DownloadFixture.contents(killed)).isEqualTo(DownloadFixture.contents(unbroken)).hasSize(3);
    }

    /** @return how many candles the backtest reads from the directory */
    static int candles(Path dir) throws Exception {
        return LoadedCandles.load(List.of(dir.toString()), List.of(BTC), Duration.ofHours(1), DateRange.ALL).of(BTC)
                .candles().size();
    }
}
