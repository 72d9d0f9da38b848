package com.byninja.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.bot.backtest.data.SyntheticCandles;
import com.byninja.bot.config.ConfigLoader;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");

    @TempDir
    Path dir;

    @Test
    void anAxisListsItsValuesFromAndToIncluded() {
        Sweep.Axis a = Sweep.axis("strategy.smaCross.fastPeriod=5..20:5");

        assertThat(a.key()).isEqualTo("strategy.smaCross.fastPeriod");
        assertThat(a.values()).extracting(BigDecimal::toPlainString).containsExactly("5", "10", "15", "20");
        assertThat(Sweep.axis("risk.stopLossPct=1..2:0.5").values()).extracting(BigDecimal::toPlainString)
                .containsExactly("1", "1.5", "2.0");
    }

    @Test
    void aMisspelledAxisSaysHowToWriteIt() {
        assertThatThrownBy(() -> Sweep.axis("fastPeriod=5-20")).hasMessage("--sweep fastPeriod=5-20: write it as "
                + "KEY=FROM..TO:STEP, such as strategy.smaCross.fastPeriod=5..20:5");
        assertThatThrownBy(() -> Sweep.axis("a.b=20..5:5")).hasMessage("--sweep a.b=20..5:5: needs FROM <= TO and a "
                + "step above 0");
    }

    @Test
    void everyCombinationIsRunTheFirstAxisVaryingSlowest() {
        List<Map<String, BigDecimal>> all = Sweep.combinations(List.of(Sweep.axis("a.x=1..2:1"),
                Sweep.axis("a.y=10..30:10")));

        assertThat(all).hasSize(6);
        assertThat(all.get(0)).containsEntry("a.x", new BigDecimal("1")).containsEntry("a.y", new BigDecimal("10"));
        assertThat(all.get(3)).containsEntry("a.x", new BigDecimal("2")).containsEntry("a.y", new BigDecimal("10"));
    }

    @Test
    void theSettingsAreLaidOverTheFileAndTheBestAreReadyToPaste() throws Exception {
        Map<String, BigDecimal> s = new LinkedHashMap<>();
        s.put("strategy.smaCross.fastPeriod", new BigDecimal("10"));
        s.put("strategy.smaCross.slowPeriod", new BigDecimal("40"));

        String yaml = Sweep.yamlWith("symbols: [BTC/USDT]\nstrategy:\n  name: sma-cross\n", s);

        assertThat(yaml).contains("name: \"sma-cross\"").contains("fastPeriod: 10").contains("slowPeriod: 40");
        assertThat(SweepReport.paste(s)).isEqualTo("""
                strategy:
                  smaCross:
                    fastPeriod: 10
                    slowPeriod: 40
                """);
    }

    @Test
    void twoThreadsGiveWhatOneGivesAndARefusedCombinationIsSkippedWithTheReason() throws Exception {
        Map<Symbol, List<Candle>> candles = Map.of(BTC, SyntheticCandles.gbm(BTC,
                Instant.parse("2024-01-01T00:00:00Z"), Duration.ofHours(1), 24 * 60, 5, 10, 60,
                new BigDecimal("40000")));
        String base = "dataDir: " + dir.toString().replace("\\", "/") + "\nsymbols: [BTC/USDT]\ntimeframe: 1h\n";
        List<Sweep.Axis> axes = List.of(Sweep.axis("strategy.smaCross.fastPeriod=10..20:10"),
                Sweep.axis("strategy.smaCross.slowPeriod=20..30:10"));
        ConfigLoader loader = new ConfigLoader(Map.of());

        List<Sweep.Outcome> one = Sweep.run(loader, base, axes, candles, 1, n -> { });
        List<Sweep.Outcome> two = Sweep.run(loader, base, axes, candles, 2, n -> { });

        // fast 20 with slow 20 is refused: the fast average must be the shorter.
        assertThat(one).filteredOn(o -> o.report() == null).singleElement()
                .satisfies(o -> assertThat(o.skipped()).contains("strategy.smaCross.fastPeriod: must be less than "
                        + "strategy.smaCross.slowPeriod (20), got 20"));
        assertThat(Sweep.ranked(two, Sweep.Rank.NETPROFIT)).hasSize(3);
        for (int i = 0; i < one.size(); i++) {
            if (one.get(i).report() != null) {
                assertThat(two.get(i).report().stats()).isEqualTo(one.get(i).report().stats());
                assertThat(two.get(i).report().endBalance()).isEqualByComparingTo(one.get(i).report().endBalance());
            }
        }
        List<Sweep.Outcome> ranked = Sweep.ranked(one, Sweep.Rank.NETPROFIT);
        assertThat(ranked.get(0).report().netProfit()).isGreaterThanOrEqualTo(ranked.get(1).report().netProfit());
    }

    @Test
    void aRefusedFirstCombinationDoesNotHoldTheOthersUp() throws Exception {
        Map<Symbol, List<Candle>> candles = Map.of(BTC, SyntheticCandles.gbm(BTC,
                Instant.parse("2024-01-01T00:00:00Z"), Duration.ofHours(1), 24 * 30, 5, 10, 60,
                new BigDecimal("40000")));
        String base = "dataDir: " + dir.toString().replace("\\", "/") + "\nsymbols: [BTC/USDT]\ntimeframe: 1h\n";
        // The others wait for the first to be a quarter done; refused, it never reports any candles.
        List<Sweep.Axis> axes = List.of(Sweep.axis("strategy.smaCross.fastPeriod=30..40:10"),
                Sweep.axis("strategy.smaCross.slowPeriod=30..50:10"));

        List<Sweep.Outcome> two = Sweep.run(new ConfigLoader(Map.of()), base, axes, candles, 2, n -> { });

        assertThat(two).hasSize(6);
        assertThat(two.get(0).skipped()).contains("must be less than strategy.smaCross.slowPeriod (30), got 30");
        assertThat(two).filteredOn(o -> o.report() != null).hasSize(3);
    }
}
