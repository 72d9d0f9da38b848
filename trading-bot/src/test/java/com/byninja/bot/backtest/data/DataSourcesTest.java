package com.byninja.bot.backtest.data;

import static com.byninja.bot.backtest.data.CandleFiles.BTC;
import static com.byninja.bot.backtest.data.CandleFiles.ETH;
import static com.byninja.bot.backtest.data.CandleFiles.kline;
import static com.byninja.bot.backtest.data.CandleFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which --data files belong to which configured symbol. */
class DataSourcesTest {

    @TempDir
    Path dir;

    @Test
    void aSingleFileBelongsToTheOnlySymbolWhateverItsName() throws Exception {
        Path file = write(dir, "history.csv", kline(0));

        assertThat(DataSources.resolve(List.of(file.toString()), List.of(BTC))).isEqualTo(Map.of(BTC, List.of(file)));
    }

    @Test
    void symbolEqualsFileGivesEachSymbolItsFilesInAnySpellingAndInTheOrderGiven() throws Exception {
        Path btc = write(dir, "a.csv", kline(0));
        Path eth1 = write(dir, "b.csv", kline(0));
        Path eth2 = write(dir, "c.csv", kline(1));

        assertThat(DataSources.resolve(List.of("ETHUSDT=" + eth1, "btc/usdt=" + btc, "eth-usdt=" + eth2),
                List.of(BTC, ETH))).containsExactly(Map.entry(BTC, List.of(btc)), Map.entry(ETH, List.of(eth1, eth2)));
    }

    @Test
    void aDirectoryGivesEachSymbolTheFilesNamedForItInNameOrder() throws Exception {
        Path btcFeb = write(dir, "BTCUSDT-1m-2024-02.csv", kline(0));
        Path btcJan = write(dir, "BTCUSDT-1m-2024-01.csv", kline(0));
        Path eth = write(dir, "eth_usdt_1h.csv", kline(0));
        write(dir, "SOLUSDT-1m-2024-01.csv", kline(0));
        write(dir, "README.txt", "not candles");
        Files.createDirectory(dir.resolve("BTCUSDT-old.csv"));

        assertThat(DataSources.resolve(List.of(dir.toString()), List.of(BTC, ETH)))
                .containsExactly(Map.entry(BTC, List.of(btcJan, btcFeb)), Map.entry(ETH, List.of(eth)));
    }

    @Test
    void aDirectoryForTheOnlySymbolGivesAllItsFilesWhenNoneIsNamedForIt() throws Exception {
        Path january = write(dir, "2024-01.csv", kline(0));
        Path february = write(dir, "2024-02.csv", kline(0));

        assertThat(DataSources.resolve(List.of(dir.toString()), List.of(BTC)))
                .isEqualTo(Map.of(BTC, List.of(january, february)));
        assertThat(DataSources.resolve(List.of("ETH/USDT=" + dir), List.of(ETH)).get(ETH))
                .containsExactly(january, february);
    }

    @Test
    void withSeveralSymbolsAFileGoesToTheSymbolItIsNamedForAndSymbolEqualsOverridesADirectory() throws Exception {
        Path btc = write(dir, "BTCUSDT-1m-2024-01.csv", kline(0));
        Path elsewhere = Files.createDirectory(dir.resolve("eth"));
        Path eth = write(elsewhere, "eth.csv", kline(0));
        write(dir, "ETHUSDT-1m-2024-01.csv", kline(0));

        assertThat(DataSources.resolve(List.of(btc.toString(), "ETH/USDT=" + eth), List.of(BTC, ETH)))
                .containsExactly(Map.entry(BTC, List.of(btc)), Map.entry(ETH, List.of(eth)));
        assertThat(DataSources.resolve(List.of(dir.toString(), "ETH/USDT=" + eth), List.of(BTC, ETH)))
                .containsExactly(Map.entry(BTC, List.of(btc)), Map.entry(ETH, List.of(eth)));
    }

    @Test
    void aDirectoryWithSeveralIntervalsOfASymbolGivesTheTimeframesOwnElseTheLongestThatDividesIt() throws Exception {
        Path m1 = write(dir, "BTCUSDT-1m-2024-01.csv", kline(0));
        Path m5Jan = write(dir, "BTCUSDT-5m-2024-01.csv", kline(0));
        Path m5Feb = write(dir, "BTCUSDT-5m-2024-02.csv", kline(0));
        Path h1 = write(dir, "BTCUSDT-1h-2024-01.csv", kline(0));
        Path eth = write(dir, "eth_usdt_1h.csv", kline(0));
        Path ethDaily = write(dir, "ETHUSDT-1d-2024.csv", kline(0));
        Path ethUnnamed = write(dir, "ETHUSDT-extra.csv", kline(0));
        List<String> data = List.of(dir.toString());

        assertThat(DataSources.resolve(data, List.of(BTC, ETH), Duration.ofHours(1)))
                .containsExactly(Map.entry(BTC, List.of(h1)), Map.entry(ETH, List.of(ethUnnamed, eth)));
        assertThat(DataSources.resolve(data, List.of(BTC), Duration.ofMinutes(15)).get(BTC))
                .containsExactly(m5Jan, m5Feb);
        assertThat(DataSources.resolve(data, List.of(BTC), Duration.ofMinutes(1)).get(BTC)).containsExactly(m1);
        assertThat(DataSources.resolve(List.of("BTC/USDT=" + dir), List.of(BTC), Duration.ofMinutes(2)).get(BTC))
                .containsExactly(m1);
        assertThat(DataSources.resolve(data, List.of(ETH), Duration.ofDays(2)).get(ETH))
                .containsExactly(ethDaily, ethUnnamed);
        // None divides 30 s: every file, for the reader to say that they are too long.
        assertThat(DataSources.resolve(data, List.of(BTC), Duration.ofSeconds(30)).get(BTC))
                .containsExactly(h1, m1, m5Jan, m5Feb);
        assertThat(DataSources.resolve(data, List.of(BTC)).get(BTC)).containsExactly(h1, m1, m5Jan, m5Feb);
    }

    @Test
    void theIntervalInAFileNameIsBinancesAfterTheSymbol() {
        assertThat(DataSources.interval(Path.of("BTCUSDT-1m-2024-01.csv"), BTC)).contains(Duration.ofMinutes(1));
        assertThat(DataSources.interval(Path.of("btc-usdt_4h.csv"), BTC)).contains(Duration.ofHours(4));
        assertThat(DataSources.interval(Path.of("BTCUSDT-1w-2024.csv"), BTC)).contains(Duration.ofDays(7));
        assertThat(DataSources.interval(Path.of("BTCUSDT-1s-2024-01-01.csv"), BTC)).contains(Duration.ofSeconds(1));
        assertThat(DataSources.interval(Path.of("BTCUSDT-1M-2024.csv"), BTC)).isEmpty();
        assertThat(DataSources.interval(Path.of("BTCUSDT-2024-01.csv"), BTC)).isEmpty();
        assertThat(DataSources.interval(Path.of("BTCUSDT-0m-2024-01.csv"), BTC)).isEmpty();
        assertThat(DataSources.interval(Path.of("ETHUSDT-1m-2024-01.csv"), BTC)).isEmpty();
    }

    @Test
    void aPathThatDoesNotExist() {
        Path missing = dir.resolve("nothing.csv");

        assertThatThrownBy(() -> DataSources.resolve(List.of(missing.toString()), List.of(BTC)))
                .isInstanceOf(CandleDataException.class)
                .hasMessage(missing + ": no such file or directory; check the path given to --data");
    }

    @Test
    void aSymbolThatIsNotConfiguredOrCannotBeRead() throws Exception {
        Path file = write(dir, "eth.csv", kline(0));

        assertThatThrownBy(() -> DataSources.resolve(List.of("ETH/USDT=" + file), List.of(BTC)))
                .hasMessage("--data ETH/USDT=" + file + ": ETH/USDT is not a configured symbol (configured: "
                        + "BTC/USDT); add it to symbols in the configuration or leave this --data out");
        assertThatThrownBy(() -> DataSources.resolve(List.of("ETHXYZ=" + file), List.of(BTC)))
                .hasMessage("--data ETHXYZ=" + file + ": cannot tell the base from the quote currency in \"ETHXYZ\"; "
                        + "write it as BASE/QUOTE, such as BTC/USDT");
    }

    @Test
    void aFileWhoseSymbolCannotBeToldAmongSeveral() throws Exception {
        Path file = write(dir, "history.csv", kline(0));

        assertThatThrownBy(() -> DataSources.resolve(List.of(file.toString()), List.of(BTC, ETH)))
                .hasMessage(file + ": cannot tell whose candles these are, the name begins with none of BTCUSDT, "
                        + "ETHUSDT; give it as --data SYMBOL=" + file + ", such as --data BTC/USDT=" + file);
    }

    @Test
    void aSymbolWithoutData() throws Exception {
        Path btc = write(dir, "BTCUSDT-1m-2024-01.csv", kline(0));

        assertThatThrownBy(() -> DataSources.resolve(List.of(dir.toString()), List.of(BTC, ETH)))
                .hasMessage(dir + ": no file for ETH/USDT (named like ETHUSDT-1m-2024-01.csv); put its files there "
                        + "or give them as --data ETH/USDT=FILE");
        assertThatThrownBy(() -> DataSources.resolve(List.of("BTC/USDT=" + btc), List.of(BTC, ETH)))
                .hasMessage("--data: no data for ETH/USDT; give its file as --data ETH/USDT=FILE");
        assertThatThrownBy(() -> DataSources.resolve(List.of(), List.of(BTC)))
                .hasMessage("--data: missing; give a CSV file or a directory of them");
    }

    @Test
    void everyProblemIsListedOneALine() {
        Path missing = dir.resolve("nothing.csv");

        assertThatThrownBy(() -> DataSources.resolve(List.of("SOL/USDT=" + dir, "BTC/USDT=" + missing),
                List.of(BTC, ETH)))
                .hasMessage("--data SOL/USDT=" + dir + ": SOL/USDT is not a configured symbol (configured: BTC/USDT, "
                        + "ETH/USDT); add it to symbols in the configuration or leave this --data out\n"
                        + missing + ": no such file or directory; check the path given to --data");
    }
}
