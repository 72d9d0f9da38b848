package com.byninja.bot.config;

import static com.byninja.bot.config.ConfigLoaderTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.config.BotConfig.RiskSettings;
import com.byninja.bot.config.BotConfig.StakeMode;
import com.byninja.runtime.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The keys of exits and sizing ({@code risk.stakeMode}, {@code stakePct}, {@code riskPct}, {@code budget},
 * {@code minimalRoi}, {@code trailingStopPositiveOffsetPct}): read with the configuration, each problem once, at its
 * line, saying what to do.
 */
class ExitsAndSizingConfigTest {

    final ConfigLoader loader = new ConfigLoader(Map.of());

    RiskSettings risk(String yaml) throws ConfigException {
        return loader.loadYaml(yaml, "test.yml").config().risk();
    }

    @Test
    void theShippedDefaultsKeepTodaysBehaviour() {
        RiskSettings r = ConfigLoader.defaultConfig().risk();

        assertThat(r.stakeMode()).isEqualTo(StakeMode.FIXED);
        assertThat(r.stakeAmount()).isEqualByComparingTo("100");
        assertThat(r.budget()).isZero();
        assertThat(r.minimalRoi().isOff()).isTrue();
        assertThat(r.trailingStopPositiveOffsetPct()).isZero();
    }

    @Test
    void everyNewKeyIsRead() throws ConfigException {
        RiskSettings r = risk("""
                risk:
                  stakeMode: riskBased
                  riskPct: 1
                  stakePct: 5
                  budget: 1000
                  minimalRoi: {0: 4, 30: 2, 120: 0}
                  trailingStopPct: 1
                  trailingStopPositiveOffsetPct: 3
                """);

        assertThat(r.stakeMode()).isEqualTo(StakeMode.RISK_BASED);
        assertThat(r.riskPct()).isEqualByComparingTo("1");
        assertThat(r.stakePct()).isEqualByComparingTo("5");
        assertThat(r.budget()).isEqualByComparingTo("1000");
        assertThat(r.minimalRoi()).hasToString("{0: 4, 30: 2, 120: 0}");
        assertThat(r.trailingStopPositiveOffsetPct()).isEqualByComparingTo("3");
    }

    @Test
    void theRoiTableIsReadInBlockStyleAndAgesMeetUnderOneSpelling() throws ConfigException {
        RiskSettings r = risk("""
                risk:
                  minimalRoi:
                    "060": -1
                    0: 3.5
                    10: 2
                """);

        assertThat(r.minimalRoi()).hasToString("{0: 3.5, 10: 2, 60: -1}");
        assertThat(problems(loader, """
                risk:
                  minimalRoi:
                    60: 1
                    "060": 1
                """)).containsExactly("test.yml:4: risk.minimalRoi.060: the same entry as risk.minimalRoi.60 "
                + "(line 3); keep one");
    }

    @Test
    void aBadRoiTableIsReportedAtEachEntry() {
        assertThat(problems(loader, """
                risk:
                  minimalRoi:
                    0: 4
                    half an hour: 2
                    -5: 1
                    40: lots
                    60: -120
                """)).containsExactly(
                "test.yml:4: risk.minimalRoi.half an hour: must be a whole number of minutes from 0 to 5256000 (the "
                        + "position's age), got \"half an hour\"",
                "test.yml:5: risk.minimalRoi.-5: must be a whole number of minutes from 0 to 5256000 (the "
                        + "position's age), got \"-5\"",
                "test.yml:6: risk.minimalRoi.40: must be a number, got \"lots\"",
                "test.yml:7: risk.minimalRoi.60: must be between -100 and 10000, got -120");
        assertThat(problems(loader, "risk:\n  minimalRoi: 4\n")).containsExactly(
                "test.yml:2: risk.minimalRoi: must be a mapping of keys indented below it, got 4");
    }

    @Test
    void theProfitAskedMayNotRiseWithAge() {
        assertThat(problems(loader, "risk:\n  minimalRoi: {0: 2, 30: 3}\n")).containsExactly(
                "test.yml:2: risk.minimalRoi.30: must not ask for more profit than an earlier age does (0: 2): the "
                        + "profit a position needs may only fall as it ages; lower it, got 3");
    }

    @Test
    void stakeModesNeedTheirPercentage() {
        assertThat(problems(loader, "risk:\n  stakeMode: kelly\n")).containsExactly(
                "test.yml:2: risk.stakeMode: must be fixed, percentOfEquity or riskBased, got \"kelly\"");
        assertThat(problems(loader, "risk:\n  stakeMode: percentOfEquity\n")).containsExactly(
                "test.yml:2: risk.stakePct: must be greater than 0 with risk.stakeMode percentOfEquity (the "
                        + "percentage of equity each stake spends), got 0");
        assertThat(problems(loader, "risk:\n  stakeMode: riskBased\n  riskPct: 101\n")).containsExactly(
                "test.yml:3: risk.riskPct: must be between 0 and 100, got 101");
    }

    @Test
    void riskBasedStakesNeedAStopLossThatActs() {
        assertThat(problems(loader, """
                risk:
                  stakeMode: riskBased
                  riskPct: 1
                  stopLossPct: 0
                  protectiveExits: false
                """)).containsExactly(
                "test.yml:4: risk.stopLossPct: must be greater than 0 with risk.stakeMode riskBased, which sizes each "
                        + "stake by what its stop-loss would lose; set a stop-loss or choose another stake mode, got 0",
                "test.yml:5: risk.protectiveExits: must be true with risk.stakeMode riskBased, which sizes each stake "
                        + "by what its stop-loss would lose; false turns the stop-loss off");
    }

    @Test
    void aBudgetBelowTheMinimumOrderAndAnOffsetWithoutATrailingStopAreConflicts() {
        assertThat(problems(loader, """
                risk:
                  budget: 5
                  trailingStopPositiveOffsetPct: 2
                """)).containsExactly(
                "test.yml:2: risk.budget: must be 0 (no budget) or at least risk.minOrderAmount (10), got 5",
                "test.yml:3: risk.trailingStopPositiveOffsetPct: has no effect without a trailing stop: set "
                        + "risk.trailingStopPct, or 0 here, got 2");
    }

    @Test
    void aConflictWithAKeyLeftAtItsDefaultIsPlacedAtTheKeyTheFileWrote() {
        // riskPct stays 0 by default: the problem is placed at stakeMode, which the file wrote.
        assertThat(problems(loader, "risk:\n  stakeMode: riskBased\n")).containsExactly(
                "test.yml:2: risk.riskPct: must be greater than 0 with risk.stakeMode riskBased (the percentage of "
                        + "equity a stake may lose at its stop-loss), got 0");
    }
}
