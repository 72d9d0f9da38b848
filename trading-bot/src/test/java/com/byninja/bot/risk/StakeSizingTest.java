package com.byninja.bot.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TestConfigs;
import com.byninja.bot.config.BotConfig.RiskSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each stake mode and the budget, on figures a person can work out by hand; the settings read as a file's would. */
class StakeSizingTest {

    @TempDir
    Path dir;

    StakeSizing sizing(String risk, String feePct) {
        RiskSettings settings = TestConfigs.config(dir, "risk:\n" + risk.indent(2)).risk();
        return new StakeSizing(settings, new BigDecimal(feePct), "USDT");
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aFixedStakeIsTheStakeAmountWhateverTheEquity() {
        StakeSizing fixed = sizing("stakeAmount: 100", "0.1");

        assertThat(fixed.stake(d("10000")).amount()).isEqualByComparingTo("100");
        assertThat(fixed.stake(d("50")).amount()).isEqualByComparingTo("100");
    }

    @Test
    void aPercentOfEquityStakeIsThatShareRoundedDownToEightDecimals() {
        StakeSizing pct = sizing("stakeMode: percentOfEquity\nstakePct: 5", "0.1");

        // 5 % of 10,000 is 500; of 10,019.9, 500.995; of 1,234.567891237, 61.72839456185, down to 61.72839456.
        assertThat(pct.stake(d("10000")).amount()).isEqualByComparingTo("500");
        assertThat(pct.stake(d("10019.9")).amount()).isEqualByComparingTo("500.995");
        assertThat(pct.stake(d("1234.567891237")).amount()).isEqualByComparingTo("61.72839456");
    }

    @Test
    void aRiskBasedStakeLosesThatShareOfEquityAtItsStopLossFeesIncluded() {
        StakeSizing risk = sizing("stakeMode: riskBased\nriskPct: 1\nstopLossPct: 2\nmaxStakeAmount: 5000", "0.1");

        // A unit staked loses 2 % at the stop, 0.1 % fee buying and 0.1 % of the 0.98 left selling:
        // 0.02 + 0.001 x (2 - 0.02) = 0.02198. 1 % of 10,000 is 100; 100 / 0.02198 = 4549.590536851..., down.
        assertThat(risk.lossAtStopPerUnit()).isEqualByComparingTo("0.02198");
        BigDecimal stake = risk.stake(d("10000")).amount();
        assertThat(stake).isEqualByComparingTo("4549.59053685");
        // Check: what that stake loses at the stop is just under 100.
        assertThat(stake.multiply(d("0.02198"))).isEqualByComparingTo("99.999999999963").isLessThan(d("100"));
    }

    @Test
    void aComputedStakeAboveTheMaximumIsCutToIt() {
        StakeSizing risk = sizing("stakeMode: riskBased\nriskPct: 1\nstopLossPct: 2", "0.1");

        StakeSizing.Stake stake = risk.stake(d("10000"));

        assertThat(stake.amount()).isEqualByComparingTo("1000");
        assertThat(stake.cut()).isEqualTo("cut from 4549.59053685 USDT to the maximum of 1000 USDT "
                + "(risk.maxStakeAmount)");
    }

    @Test
    void withABudgetStakesAreSizedOnAtMostTheBudget() {
        StakeSizing pct = sizing("stakeMode: percentOfEquity\nstakePct: 10\nbudget: 1000", "0.1");

        // 10 % of min(10,000, 1,000); of an equity below the budget, 10 % of the equity.
        assertThat(pct.stake(d("10000")).amount()).isEqualByComparingTo("100");
        assertThat(pct.stake(d("800")).amount()).isEqualByComparingTo("80");
    }

    @Test
    void anEntryAboveTheBudgetIsCutToWhatIsLeftOrLeftForTheRulesToRefuse() {
        StakeSizing budget = sizing("budget: 1000\nminOrderAmount: 50", "0.1");

        // 940.123456789 in positions: 59.876543211 left, down to 59.87654321.
        StakeSizing.Stake cut = budget.fit(StakeSizing.Stake.of(d("100")), d("940.123456789"));
        assertThat(cut.amount()).isEqualByComparingTo("59.87654321");
        assertThat(cut.cut()).isEqualTo("cut from 100 USDT to the 59.87654321 USDT left of the budget of 1000 USDT "
                + "(risk.budget; 940.123456789 USDT in positions)");
        // Within the budget: untouched.
        assertThat(budget.fit(StakeSizing.Stake.of(d("100")), d("900")).cut()).isNull();
        // 40 left, below the minimum order of 50: not cut, so that the risk rules refuse it for the budget.
        StakeSizing.Stake refused = budget.fit(StakeSizing.Stake.of(d("100")), d("960"));
        assertThat(refused.amount()).isEqualByComparingTo("100");
        assertThat(refused.cut()).isNull();
    }
}
