package com.byninja.bot.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.TestConfigs;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.domain.Rejection;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The minimal ROI at each boundary of its table, the trailing stop's offset, and the budget rule. A position of 1 BTC
 * bought at 100 with a fee of 0.1 cost 100.1; with a fee of 0.1 % on the exit, selling at P keeps P x 0.999. So the
 * table {0: 4, 30: 2, 120: 0} sells from 100.1 x 1.04 / 0.999 = 104.2082..., 100.1 x 1.02 / 0.999 = 102.2042... and
 * 100.1 / 0.999 = 100.2002... .
 */
class RiskManagerExitsTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Instant OPENED = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    RiskManager risk(String yaml) {
        return new RiskManager(TestConfigs.config(dir, "risk:\n" + yaml.indent(2)).risk(), "USDT",
                new BigDecimal("0.1"), Map.of());
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static Position oneBtcAt100() {
        return Position.open(BTC, d("1"), d("100"), d("0.1"), OPENED);
    }

    static Instant after(int minutes, int seconds) {
        return OPENED.plus(Duration.ofMinutes(minutes).plusSeconds(seconds));
    }

    @Test
    void theMinimalRoiAsksForTheProfitOfTheLargestAgeNotAboveThePositions() {
        RiskManager roi = risk("minimalRoi: {0: 4, 30: 2, 120: 0}\ntakeProfitPct: 0");
        Position p = oneBtcAt100();

        // From the first instant: 4 %. 104.20 x 0.999 = 104.0958 is under 104.104; 104.21 x 0.999 = 104.10579 is not.
        assertThat(roi.exitFor(p, d("104.20"), OPENED)).isEmpty();
        assertThat(roi.exitFor(p, d("104.21"), OPENED)).contains(Purpose.MINIMAL_ROI);
        // At 29:59 still 4 %; at 30:00, 2 %: 102.21 x 0.999 = 102.10779 reaches 100.1 x 1.02 = 102.102.
        assertThat(roi.exitFor(p, d("102.21"), after(29, 59))).isEmpty();
        assertThat(roi.exitFor(p, d("102.21"), after(30, 0))).contains(Purpose.MINIMAL_ROI);
        assertThat(roi.exitFor(p, d("102.20"), after(30, 0))).isEmpty();
        // At 1:59:59 still 2 %; at 2:00:00, break-even after both fees: 100.21 x 0.999 = 100.10979 reaches 100.1.
        assertThat(roi.exitFor(p, d("100.21"), after(119, 59))).isEmpty();
        assertThat(roi.exitFor(p, d("100.21"), after(120, 0))).contains(Purpose.MINIMAL_ROI);
        assertThat(roi.exitFor(p, d("100.20"), after(120, 0))).isEmpty();
    }

    @Test
    void theMinimalRoiLevelIsThePriceThatShowsTheProfitNetOfBothFees() {
        RiskManager roi = risk("minimalRoi: {0: 4, 30: 2, 120: 0}");
        Position p = oneBtcAt100();

        RiskManager.RoiLevel at = roi.protection(p, after(29, 59)).minimalRoi().orElseThrow();
        assertThat(at.pct()).isEqualByComparingTo("4");
        assertThat(at.price()).isEqualByComparingTo("104.2082082082082082082082082082083");
        assertThat(at.untilMs()).isEqualTo(1000);
        RiskManager.RoiLevel later = roi.protection(p, after(120, 0)).minimalRoi().orElseThrow();
        assertThat(later.price()).isEqualByComparingTo("100.2002002002002002002002002002003");
        assertThat(later.untilMs()).isEqualTo(-1);
    }

    @Test
    void beforeTheFirstAgeOfTheTableNoMinimalRoiApplies() {
        RiskManager roi = risk("minimalRoi: {60: 1}\ntakeProfitPct: 0");
        Position p = oneBtcAt100();

        assertThat(roi.exitFor(p, d("150"), after(59, 59))).isEmpty();
        assertThat(roi.protection(p, after(59, 59)).minimalRoi()).isEmpty();
        assertThat(roi.exitFor(p, d("150"), after(60, 0))).contains(Purpose.MINIMAL_ROI);
    }

    @Test
    void theStopLossComesBeforeTheMinimalRoiAndTheTakeProfitBeforeIt() {
        // -100 % sells whatever the price; a price at the stop is still a stop-loss.
        RiskManager roi = risk("minimalRoi: {0: -100}\nstopLossPct: 2\ntakeProfitPct: 4");
        Position p = oneBtcAt100();

        assertThat(roi.exitFor(p, d("98"), OPENED)).contains(Purpose.STOP_LOSS);
        assertThat(roi.exitFor(p, d("99"), OPENED)).contains(Purpose.MINIMAL_ROI);
        assertThat(roi.exitFor(p, d("104"), OPENED)).contains(Purpose.TAKE_PROFIT);
    }

    @Test
    void theTrailingStopFollowsOnlyOnceTheHighestPriceReachedItsOffset() {
        RiskManager trailing = risk("trailingStopPct: 1\ntrailingStopPositiveOffsetPct: 3\ntakeProfitPct: 0");

        // The high 102.9 is under 100 x 1.03 = 103: no trailing stop, 101.8 (under 102.9 x 0.99) keeps the position;
        // only the stop-loss at 98 acts.
        Position below = oneBtcAt100().withPrice(d("102.9"));
        assertThat(trailing.exitFor(below, d("101.8"), OPENED)).isEmpty();
        assertThat(trailing.exitFor(below, d("98"), OPENED)).contains(Purpose.STOP_LOSS);
        RiskManager.Protection waiting = trailing.protection(below, OPENED);
        assertThat(waiting.trailingStop()).isEmpty();
        assertThat(waiting.trailingStart().orElseThrow()).isEqualByComparingTo("103");
        // The high reached 103: the trailing stop follows it, at 103 x 0.99 = 101.97.
        Position reached = oneBtcAt100().withPrice(d("103"));
        assertThat(trailing.exitFor(reached, d("101.98"), OPENED)).isEmpty();
        assertThat(trailing.exitFor(reached, d("101.97"), OPENED)).contains(Purpose.TRAILING_STOP);
        assertThat(trailing.protection(reached, OPENED).trailingStop().orElseThrow()).isEqualByComparingTo("101.97");
    }

    @Test
    void withoutAnOffsetTheTrailingStopFollowsFromTheEntryAsBefore() {
        RiskManager trailing = risk("trailingStopPct: 1\ntakeProfitPct: 0");

        assertThat(trailing.exitFor(oneBtcAt100().withPrice(d("102.9")), d("101.871"), OPENED))
                .contains(Purpose.TRAILING_STOP);
    }

    @Test
    void aBuyAboveTheBudgetIsRefusedForcedOrNotAndSaysWhatIsLeft() {
        RiskManager budget = risk("budget: 1000\nminOrderAmount: 50");

        for (boolean forced : new boolean[] {false, true}) {
            var check = new RiskManager.BuyCheck(BTC, d("100"), forced, d("5000"), 0, false, BigDecimal.ZERO, true,
                    false, d("960"));
            Optional<Rejection> refused = budget.checkBuy(check);
            assertThat(refused).map(Rejection::reason).contains(RejectReason.RISK_OVER_BUDGET);
            assertThat(refused.orElseThrow().message()).isEqualTo("the budget of 1000 USDT (risk.budget) has 40 USDT "
                    + "left, with 960 USDT in positions; that is below the minimum order of 50 USDT "
                    + "(risk.minOrderAmount)");
        }
        var fits = new RiskManager.BuyCheck(BTC, d("40"), false, d("5000"), 0, false, BigDecimal.ZERO, true, false,
                d("960"));
        assertThat(budget.checkBuy(fits)).map(Rejection::reason).contains(RejectReason.RISK_BELOW_MIN_ORDER);
        var exactly = new RiskManager.BuyCheck(BTC, d("50"), false, d("5000"), 0, false, BigDecimal.ZERO, true, false,
                d("950"));
        assertThat(budget.checkBuy(exactly)).isEmpty();
    }
}
