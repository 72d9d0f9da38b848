package com.byninja.bot.backtest;

import static com.byninja.bot.backtest.BacktestRulesTest.BTC;
import static com.byninja.bot.backtest.BacktestRulesTest.T0;
import static com.byninja.bot.backtest.BacktestRulesTest.candle;
import static com.byninja.bot.backtest.BacktestRulesTest.entryThen;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TestConfigs;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Purpose;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay rules of the minimal ROI and of the trailing stop's offset (docs/backtesting.md), on the candles of
 * {@link BacktestRulesTest}: the buy fills at 111 at the open of minute 5 (00:05). The stake is 111, so it buys 1 BTC
 * for 111 and a fee of 0.111: the position cost 111.111. With the fee of 0.1 % on the exit, the minimal ROI
 * {0: 4, 30: 2} sells from 111.111 x 1.04 / 0.999 = 115.6711... in the first 30 minutes and from
 * 111.111 x 1.02 / 0.999 = 113.4466... after. The stop-loss is 5 % below 111: 105.45.
 */
class BacktestExitsTest {

    static final String CONFIG = """
            symbols: [BTC/USDT]
            timeframe: 1m
            strategy:
              name: sma-cross
              smaCross:
                fastPeriod: 2
                slowPeriod: 3
            risk:
              stakeAmount: 111
              stopLossPct: 5
              takeProfitPct: 0
            %s
            simulator:
              feePct: 0.1
              slippagePct: 0
            """;

    @TempDir
    Path dir;

    BacktestResult run(String risk, List<Candle> candles) throws Exception {
        return new Backtest(TestConfigs.config(dir, CONFIG.formatted(risk.indent(2))), Map.of(BTC, candles))
                .run(n -> { });
    }

    /** The entry, quiet candles at 111.5 up to minute 33 (the position 28 minutes old at its open), {@code after}. */
    static List<Candle> heldUntilMinute33Then(Candle... after) {
        List<Candle> out = new ArrayList<>(entryThen());
        for (int minute = 6; minute <= 33; minute++) {
            out.add(candle(minute, "111.5", "111.5", "111.5", "111.5"));
        }
        out.addAll(List.of(after));
        return out;
    }

    static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    static final String ROI = "minimalRoi: {0: 4, 30: 2}";

    @Test
    void theHighIsCheckedAgainstTheLevelOfThePositionsAgeAtTheCandlesOpen() throws Exception {
        // Minute 34 opens 29 minutes after the entry: its high of 114 is under 4 % (115.67) and its close of 112 under
        // 2 %. Minute 35 opens 30 minutes after it: its high of 114 passes 2 % and sells there, at 113.4466...,
        // rounded down to the paper wallet's 8 decimals.
        BacktestResult r = run(ROI, heldUntilMinute33Then(candle(34, "111.5", "114", "111.5", "112"),
                candle(35, "112", "114", "111.8", "113")));

        ClosedTrade t = r.trades().get(0);
        assertThat(t.exitPurpose()).isEqualTo(Purpose.MINIMAL_ROI);
        assertThat(t.exitPrice()).isEqualByComparingTo("113.44666666");
        assertThat(t.closedAt()).isEqualTo(at(35).plusMillis(2));
        // 113.44666666 - a fee of 0.11344667 - 111.111 = 2.22221999: the 2 % asked, less the roundings down.
        assertThat(t.realisedPnl()).isEqualByComparingTo("2.22221999");
    }

    @Test
    void aLevelThatStartsInsideACandleIsCheckedAtItsCloseAndSellsAtTheNextOpen() throws Exception {
        // Minute 34's high of 114 passes 2 % but comes while the position is 29 minutes old, when 4 % is asked. At the
        // close (00:35) it is 30 minutes old and the close of 113.5 passes 2 %: the exit is decided there and fills at
        // the next open, 113.48, like a strategy order.
        BacktestResult r = run(ROI, heldUntilMinute33Then(candle(34, "111.5", "114", "111.5", "113.5"),
                candle(35, "113.48", "113.6", "113.4", "113.5")));

        ClosedTrade t = r.trades().get(0);
        assertThat(t.exitPurpose()).isEqualTo(Purpose.MINIMAL_ROI);
        assertThat(t.exitPrice()).isEqualByComparingTo("113.48");
        assertThat(t.closedAt()).isEqualTo(at(35));
    }

    @Test
    void aPriceThatOpensAboveTheLevelSellsAtTheOpen() throws Exception {
        BacktestResult r = run(ROI, heldUntilMinute33Then(candle(34, "111.5", "112", "111.5", "112"),
                candle(35, "114", "114.5", "113.9", "114")));

        ClosedTrade t = r.trades().get(0);
        assertThat(t.exitPurpose()).isEqualTo(Purpose.MINIMAL_ROI);
        assertThat(t.exitPrice()).isEqualByComparingTo("114");
        assertThat(t.closedAt()).isEqualTo(at(35));
    }

    @Test
    void whenOneCandleTouchesTheStopAndTheMinimalRoiTheStopIsTaken() throws Exception {
        BacktestResult r = run(ROI, heldUntilMinute33Then(candle(34, "111.5", "112", "111.5", "112"),
                candle(35, "112", "114", "105", "113")));

        ClosedTrade t = r.trades().get(0);
        assertThat(t.exitPurpose()).isEqualTo(Purpose.STOP_LOSS);
        assertThat(t.exitPrice()).isEqualByComparingTo("105.45");
    }

    @Test
    void theTrailingStopFollowsTheHighOnlyOnceItReachedTheOffset() throws Exception {
        // After the entry the high is 112 (minute 5). Minute 6 reaches 114 and closes at 112.5, under 114 x 0.99 =
        // 112.86. Minute 7 reaches 115 and closes at 113.8, under 115 x 0.99 = 113.85.
        List<Candle> candles = entryThen(candle(6, "111.5", "114", "111.4", "112.5"),
                candle(7, "112.6", "115", "112.5", "113.8"), candle(8, "113.7", "114", "113.6", "113.9"));

        // Trailing from the entry: minute 6's close triggers it, and it sells at minute 7's open.
        ClosedTrade fromEntry = run("trailingStopPct: 1", candles).trades().get(0);
        assertThat(fromEntry.exitPurpose()).isEqualTo(Purpose.TRAILING_STOP);
        assertThat(fromEntry.exitPrice()).isEqualByComparingTo("112.6");
        // With an offset of 3 % it waits for 111 x 1.03 = 114.33: 114 is short of it; 115 is not, so minute 7's close
        // triggers it, and it sells at minute 8's open.
        ClosedTrade offset = run("trailingStopPct: 1\ntrailingStopPositiveOffsetPct: 3", candles).trades().get(0);
        assertThat(offset.exitPurpose()).isEqualTo(Purpose.TRAILING_STOP);
        assertThat(offset.exitPrice()).isEqualByComparingTo("113.7");
        assertThat(offset.closedAt()).isEqualTo(at(8));
    }
}
