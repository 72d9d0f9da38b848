package com.byninja.bot.engine;

import static com.byninja.bot.TraderFixture.BTC;
import static com.byninja.bot.TraderFixture.ETH;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.RecordingAlerts;
import com.byninja.bot.TraderFixture;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest.Side;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.RejectReason;
import com.byninja.bot.domain.Symbol;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code /panic} on a trader with a real SQLite store and a gateway answered by hand: trading stops, every position
 * is sold as a forcesell sells it, and one alert sums it up when the last sell is done. The figures can be recomputed:
 * a round trip's PnL is its proceeds less the sell's fee, less what the position cost and its buy's fee.
 */
class PanicTest {

    @TempDir
    Path dir;
    TraderFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new TraderFixture(dir, "");
        // BTC/USDT: 0.002 BTC for 100 USDT, fee 0.1; ETH/USDT: 0.05 ETH for 100 USDT, fee 0.1.
        f.openPosition(BTC, "0.002", "50000", "0.1");
        f.openPosition(ETH, "0.05", "2000", "0.1");
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private Order placedFor(Symbol s) {
        return f.gateway.placed.stream().filter(o -> o.symbol().equals(s) && o.side() == Side.SELL)
                .reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void itStopsTradingSellsEveryPositionAtMarketAndSumsUpOnceWhenTheLastSellHasFilled() throws Exception {
        int alertsBefore = f.alerts.alerts.size();

        PanicStart start = f.trader.panic();

        assertThat(start.alreadyRunning()).isFalse();
        assertThat(start.tradingWasOn()).isTrue();
        assertThat(start.flagNotSaved()).isNull();
        assertThat(start.sells()).extracting(Order::symbol).containsExactly(BTC, ETH);
        assertThat(start.sells()).allMatch(o -> o.purpose() == Purpose.FORCE_SELL);
        assertThat(start.sells()).extracting(o -> o.quantity().toPlainString()).containsExactly("0.002", "0.05");
        assertThat(start.waiting()).isEqualTo(2);
        assertThat(f.trader.control().global().trading()).isFalse();
        assertThat(f.store.loadFlags().get("*").trading()).as("saved").isFalse();
        assertThat(f.trader.panicRunning()).isTrue();

        f.clock.advance(Duration.ofSeconds(5));
        // BTC: 0.002 at 51000 = 102 less 0.102 fee, less 100.1: +1.798, which reads +1.79:
        // profits and losses read rounded down, against the trader.
        f.gateway.fill(placedFor(BTC), "0.002", "51000", "0.102", f.clock.instant());
        f.drain();
        assertThat(f.alerts.events().subList(alertsBefore, f.alerts.alerts.size()))
                .as("no summary while a sell waits").containsExactly("position_closed");
        // ETH: 0.05 at 1900 = 95 less 0.095 fee, less 100.1: -5.195. Together -3.397.
        f.gateway.fill(placedFor(ETH), "0.05", "1900", "0.095", f.clock.instant());
        f.drain();

        assertThat(f.alerts.events().subList(alertsBefore, f.alerts.alerts.size()))
                .containsExactly("position_closed", "position_closed", "panic_done");
        RecordingAlerts.Alert summary = f.alerts.last("panic_done");
        assertThat(summary.text()).isEqualTo("""
                Panic over after 5 s: 2 of 2 positions closed at market, realised PnL -3.40 USDT.
                BTC/USDT: sold 0.002 BTC at 51000, PnL +1.79 USDT
                ETH/USDT: sold 0.05 ETH at 1900, PnL -5.20 USDT
                Trading stays stopped globally; /starttrading starts it again.""");
        assertThat(summary.symbol()).isNull();
        assertThat(summary.data().path("realisedPnl").asText()).isEqualTo("-3.397");
        assertThat(summary.data().path("positionsClosed").asInt()).isEqualTo(2);
        assertThat(summary.data().path("notSold")).isEmpty();
        assertThat(f.trader.positions().all()).isEmpty();
        assertThat(f.trader.panicRunning()).isFalse();
    }

    @Test
    void aSecondPanicWhileOneRunsSaysSoAndSendsNothingMore() {
        PanicStart first = f.trader.panic();
        int placed = f.gateway.placed.size();
        f.clock.advance(Duration.ofSeconds(2));

        PanicStart second = f.trader.panic();

        assertThat(second.alreadyRunning()).isTrue();
        assertThat(second.startedAt()).isEqualTo(first.startedAt());
        assertThat(second.waiting()).isEqualTo(2);
        assertThat(second.sells()).isEmpty();
        assertThat(f.gateway.placed).hasSize(placed);
    }

    @Test
    void aSellTheExchangeRejectsIsNamedInTheSummaryWithItsReason() {
        f.trader.panic();

        f.gateway.reject(placedFor(BTC), "insufficient funds", f.clock.instant());
        // ETH: 0.05 at 2100 = 105 less 0.105 fee, less 100.1: +4.795.
        f.gateway.fill(placedFor(ETH), "0.05", "2100", "0.105", f.clock.instant());
        f.drain();

        assertThat(f.alerts.last("panic_done").text()).isEqualTo("""
                Panic over after 0 ms: 1 of 2 positions closed at market, realised PnL +4.79 USDT.
                ETH/USDT: sold 0.05 ETH at 2100, PnL +4.79 USDT
                Not sold: BTC/USDT: simulated rejected the sell: insufficient funds
                Trading stays stopped globally; /starttrading starts it again.""");
        assertThat(f.trader.positions().get(BTC)).as("still held, still protected by its stops").isPresent();
    }

    @Test
    void aSellAlreadyOnItsWayIsWaitedForInsteadOfDoubled() {
        f.trader.forceSell(BTC);
        Order already = placedFor(BTC);
        int placed = f.gateway.placed.size();

        PanicStart start = f.trader.panic();

        assertThat(start.alreadySelling()).containsExactly(already);
        assertThat(start.sells()).extracting(Order::symbol).containsExactly(ETH);
        assertThat(f.gateway.placed).hasSize(placed + 1);
        f.gateway.fill(already, "0.002", "50000", "0.1", f.clock.instant());
        f.gateway.fill(placedFor(ETH), "0.05", "2000", "0.1", f.clock.instant());
        f.drain();
        // Each round trip: 100 back less 0.1 fee, less 100.1: -0.2.
        assertThat(f.alerts.last("panic_done").text()).startsWith("Panic over after 0 ms: 2 of 2 positions closed at "
                + "market, realised PnL -0.40 USDT.\nBTC/USDT: sold 0.002 BTC at 50000, PnL -0.20 USDT\n");
    }

    @Test
    void aPositionNoSellCanBeSentForIsToldAtOnceAndInTheSummary() {
        f.gateway.full = true;

        PanicStart start = f.trader.panic();

        assertThat(start.sells()).isEmpty();
        assertThat(start.notSold()).extracting(n -> n.why().reason())
                .containsExactly(RejectReason.ORDER_QUEUE_FULL, RejectReason.ORDER_QUEUE_FULL);
        assertThat(start.waiting()).isZero();
        assertThat(f.trader.panicRunning()).as("nothing to wait for").isFalse();
        assertThat(f.alerts.events()).doesNotContain("panic_done");
        f.gateway.full = false;
        assertThat(f.trader.panic().sells()).as("a later panic tries again").hasSize(2);
    }

    @Test
    void withNothingOpenItStopsTradingAndHasNothingToWaitFor() {
        f.trader.panic();
        f.gateway.fill(placedFor(BTC), "0.002", "50000", "0.1", f.clock.instant());
        f.gateway.fill(placedFor(ETH), "0.05", "2000", "0.1", f.clock.instant());
        f.drain();

        PanicStart again = f.trader.panic();

        assertThat(again.alreadyRunning()).isFalse();
        assertThat(again.tradingWasOn()).isFalse();
        assertThat(again.sells()).isEmpty();
        assertThat(again.notSold()).isEmpty();
        assertThat(f.trader.panicRunning()).isFalse();
        assertThat(f.alerts.events().stream().filter("panic_done"::equals)).hasSize(1);
    }

    @Test
    void aBuyStillOnItsWayIsNamedBecauseItsPositionIsNotSold() {
        f.trader.forceSell(ETH);
        f.gateway.fill(placedFor(ETH), "0.05", "2000", "0.1", f.clock.instant());
        f.drain();
        Order buy = f.forceBuy(ETH, "2000");

        PanicStart start = f.trader.panic();

        assertThat(start.buysWaiting()).containsExactly(buy);
        assertThat(start.sells()).extracting(Order::symbol).containsExactly(BTC);
    }
}
