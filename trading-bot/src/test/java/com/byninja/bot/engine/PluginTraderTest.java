package com.byninja.bot.engine;

import static com.byninja.bot.TraderFixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.byninja.bot.TraderFixture;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.engine.port.Journals;
import com.byninja.bot.orders.ClientOrderIds;
import com.byninja.bot.orders.OrderManager;
import com.byninja.bot.orders.Submission;
import com.byninja.bot.risk.RiskManager;
import com.byninja.bot.strategy.PluginStrategy;
import com.byninja.strategy.api.Decision;
import com.byninja.strategy.api.OpenPosition;
import com.byninja.strategy.api.Parameters;
import com.byninja.strategy.api.StrategyContext;
import com.byninja.strategy.api.StrategyPlugin;
import com.byninja.strategy.api.SymbolStrategy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.ta4j.core.BarSeries;

/**
 * A plug-in strategy in the trader: asked on each closed candle with the position in view, its enter and exit acted
 * on as the built-in strategies' signals are, its stop applied by the protective exits, its failures a hold that is
 * counted and logged once per kind. The trader runs on a real SQLite store with a hand-driven gateway.
 */
class PluginTraderTest {

    @TempDir
    Path dir;
    TraderFixture f;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger traderLog = (Logger) LoggerFactory.getLogger(Trader.class);

    /** What the strategy saw on each candle it was asked about. */
    final List<StrategyContext> seen = new ArrayList<>();
    /** The strategy's answer to a context; may throw. */
    Function<StrategyContext, Decision> decide = c -> Decision.hold();
    Function<StrategyContext, String> explain = c -> null;
    int unstableBars;
    int failuresToStart;

    /** A plug-in whose strategy records what it sees and answers with {@link #decide}. */
    final StrategyPlugin scripted = new StrategyPlugin() {
        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public String describe(Parameters parameters) {
            return "a script";
        }

        @Override
        public SymbolStrategy create(BarSeries series, Parameters parameters) {
            if (failuresToStart > 0) {
                failuresToStart--;
                throw new IllegalStateException("not ready");
            }
            return new SymbolStrategy() {
                @Override
                public int unstableBars() {
                    return unstableBars;
                }

                @Override
                public Decision decide(StrategyContext context) {
                    seen.add(context);
                    return decide.apply(context);
                }

                @Override
                public String explain(StrategyContext context) {
                    return explain.apply(context);
                }
            };
        }
    };

    @BeforeEach
    void capture() {
        log.start();
        traderLog.addAppender(log);
        traderLog.setLevel(Level.INFO);
    }

    @AfterEach
    void release() throws Exception {
        traderLog.detachAppender(log);
        traderLog.setLevel(null);
        f.close();
    }

    /** The fixture's trader with the scripted plug-in, an exchange fee of 0.1 % and the risk settings of {@code yaml}. */
    void start(String yaml) throws Exception {
        f = new TraderFixture(dir, yaml);
        f.trader = Trader.restore(f.config, f.clock, new PluginStrategy(scripted, Parameters.none()),
                new RiskManager(f.config.risk(), "USDT", new BigDecimal("0.1"), Map.of()),
                new OrderManager(f.store, f.gateway, new ClientOrderIds(f.clock), f.clock, 0), Journals.of(f.store),
                f.alerts, s -> Optional.ofNullable(f.prices.get(s)), Map.of("USDT", new BigDecimal("10000")),
                () -> false, "simulated");
    }

    /** @return a level as plain text, so that 98 and 98.00 read alike */
    static Optional<String> plain(Optional<BigDecimal> level) {
        return level.map(v -> v.stripTrailingZeros().toPlainString());
    }

    List<String> messages(Level level) {
        return log.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void enterAndExitBecomeOrdersAsTheBuiltInStrategiesSignalsDo() throws Exception {
        start("");
        decide = c -> c.position().isEmpty() ? Decision.enter() : Decision.exit();

        f.price(BTC, "100");
        f.candle(BTC, "100");
        Order entry = f.gateway.last();
        f.gateway.fill(entry, "1", "100", "0.1", f.clock.instant());
        f.drain();
        f.candle(BTC, "101");

        assertThat(f.gateway.placed).extracting(Order::purpose).containsExactly(Purpose.ENTRY, Purpose.EXIT);
        assertThat(entry.quoteAmount()).isEqualByComparingTo("100");
    }

    @Test
    void theContextShowsThePositionMarkedAtTheCandlesClose() throws Exception {
        start("");
        f.openPosition(BTC, "2", "50", "0.1");
        Instant opened = f.clock.instant();
        f.clock.advance(Duration.ofMinutes(3));

        f.candle(BTC, "51.5");

        StrategyContext c = seen.get(0);
        assertThat(c.symbol()).isEqualTo("BTC/USDT");
        assertThat(c.time()).isEqualTo(opened.plus(Duration.ofMinutes(3)));
        assertThat(c.bar().getClosePrice().bigDecimalValue()).isEqualByComparingTo("51.5");
        assertThat(c.index()).isZero();
        OpenPosition p = c.position().orElseThrow();
        assertThat(p.entryPrice()).isEqualByComparingTo("50");
        assertThat(p.quantity()).isEqualByComparingTo("2");
        assertThat(p.openedAt()).isEqualTo(opened);
        assertThat(p.age()).isEqualTo(Duration.ofMinutes(3));
        // Worth 2 × 51.5 = 103, less the exit fee of 0.1 % (0.103), less the cost of 100 and its fee of 0.1.
        assertThat(p.unrealisedPnl()).isEqualByComparingTo("2.797");
        // 2.797 / 100.1 × 100, to 16 digits.
        assertThat(p.unrealisedPnlPct()).isEqualByComparingTo("2.794205794205794");
        // risk.stopLossPct is 2 by default: 2 % below the entry.
        assertThat(plain(p.stopLoss())).contains("49");
    }

    @Test
    void aStopSellsAtTheHigherOfItAndTheConfiguredStopLoss() throws Exception {
        start("risk:\n  stopLossPct: 2\n  takeProfitPct: 0\n");
        f.openPosition(BTC, "1", "100", "0.1");
        decide = c -> Decision.stopAt(new BigDecimal("99"));
        f.candle(BTC, "100.5");

        assertThat(plain(f.trader.protection(BTC).orElseThrow().stopLoss())).contains("99");
        assertThat(plain(f.trader.snapshot().positions().get(0).protection().stopLoss())).contains("99");
        assertThat(messages(Level.INFO)).contains("BTC/USDT: scripted sets its stop at 99");

        f.price(BTC, "99.01");
        f.trader.periodicChecks();
        assertThat(f.gateway.placed).hasSize(1);

        f.price(BTC, "99");
        f.trader.periodicChecks();
        Order sell = f.gateway.last();
        assertThat(sell.purpose()).isEqualTo(Purpose.STOP_LOSS);
        assertThat(f.alerts.last().text()).isEqualTo("Stop-loss hit at 99 (entry 100); selling 1 BTC");
    }

    @Test
    void aStopOnlyMovesUpAndNeverBelowTheConfiguredOne() throws Exception {
        start("risk:\n  stopLossPct: 2\n");
        f.openPosition(BTC, "1", "100", "0.1");
        List<String> levels = new ArrayList<>(List.of("97", "99.5", "99", "99.7"));
        decide = c -> Decision.stopAt(new BigDecimal(levels.remove(0)));
        List<String> stops = new ArrayList<>();

        for (int i = 0; i < 4; i++) {
            f.candle(BTC, "101");
            stops.add(plain(f.trader.protection(BTC).orElseThrow().stopLoss()).orElseThrow());
        }

        // 97 is below the configured 98; 99 is below the 99.5 set before.
        assertThat(stops).containsExactly("98", "99.5", "99.5", "99.7");
        assertThat(plain(seen.get(3).position().orElseThrow().stopLoss())).contains("99.5");
    }

    @Test
    void aStopEndsWithItsPositionAndNeedsOne() throws Exception {
        start("risk:\n  stopLossPct: 2\n");
        decide = c -> Decision.stopAt(new BigDecimal("99"));
        f.candle(BTC, "100");
        f.openPosition(BTC, "1", "100", "0.1");
        assertThat(plain(f.trader.protection(BTC).orElseThrow().stopLoss())).contains("98");

        f.candle(BTC, "100");
        assertThat(plain(f.trader.protection(BTC).orElseThrow().stopLoss())).contains("99");
        Order sell = ((Submission.Sent) f.trader.forceSell(BTC)).order();
        f.gateway.fill(sell, "1", "100", "0.1", f.clock.instant());
        f.drain();
        f.clock.advance(Duration.ofMinutes(1));
        f.openPosition(BTC, "1", "100", "0.1");

        assertThat(plain(f.trader.protection(BTC).orElseThrow().stopLoss())).contains("98");
    }

    @Test
    void whileWarmingUpTheStrategyIsNotAsked() throws Exception {
        start("");
        unstableBars = 2;
        explain = c -> "close " + c.bar().getClosePrice();

        f.candle(BTC, "10");
        f.candle(BTC, "11");
        f.candle(BTC, "12");

        assertThat(seen).extracting(StrategyContext::index).containsExactly(2);
        assertThat(messages(Level.INFO)).containsSubsequence(
                "BTC/USDT 1m candle closed at 10: warming up: 1 of 3 candles; no position",
                "BTC/USDT 1m candle closed at 11: warming up: 2 of 3 candles; no position",
                "BTC/USDT 1m candle closed at 12: close 12; no position");
    }

    @Test
    void aFailureIsAHoldCountedAndLoggedOncePerKindAndTheStepGoesOn() throws Exception {
        start("");
        decide = c -> {
            if (c.index() < 3) {
                throw new IllegalStateException("no data at " + c.index());
            }
            if (c.index() == 3) {
                return null;
            }
            return c.index() == 4 ? Decision.stopAt(BigDecimal.valueOf(-1)) : Decision.enter();
        };
        List<String> stepFailures = new ArrayList<>();
        Instant t = TraderFixture.T0;

        for (int i = 0; i < 6; i++) {
            BigDecimal c = BigDecimal.valueOf(100 + i);
            t = t.plus(Duration.ofMinutes(1));
            f.clock.set(t);
            f.price(BTC, c.toPlainString());
            f.trader.step(t, new Trader.StepInputs(List.of(), List.of(new MarketEvent.Closed(new Candle(BTC,
                    t.minus(Duration.ofMinutes(1)), Duration.ofMinutes(1), c, c, c, c, BigDecimal.ONE))), List.of()),
                    (what, e) -> stepFailures.add(what));
        }

        assertThat(stepFailures).isEmpty();
        assertThat(f.trader.strategyErrors()).isEqualTo(5);
        assertThat(f.gateway.placed).singleElement().extracting(Order::purpose).isEqualTo(Purpose.ENTRY);
        assertThat(messages(Level.ERROR)).containsExactly(
                "strategy scripted failed deciding on BTC/USDT at 2026-03-01T10:01:00Z: java.lang.IllegalStateException:"
                        + " no data at 0; the candle counts as hold. Later failures of this kind are counted "
                        + "(strategy errors in /health), not logged",
                "strategy scripted failed deciding on BTC/USDT at 2026-03-01T10:04:00Z: java.lang.IllegalStateException:"
                        + " decide returned null instead of a decision (Decision.hold()); the candle counts as hold. "
                        + "Later failures of this kind are counted (strategy errors in /health), not logged",
                "strategy scripted failed deciding on BTC/USDT at 2026-03-01T10:05:00Z: "
                        + "java.lang.IllegalArgumentException: a stop must be a price above 0, got -1; the candle "
                        + "counts as hold. Later failures of this kind are counted (strategy errors in /health), not "
                        + "logged");
        assertThat(log.list.stream().filter(e -> e.getLevel() == Level.ERROR).findFirst().orElseThrow()
                .getThrowableProxy().getClassName()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void aStrategyThatFailsToStartHoldsAndIsMadeAgainOnTheNextCandle() throws Exception {
        // Made at start for BTC/USDT and ETH/USDT, both failing, then again for BTC/USDT on its first candle.
        failuresToStart = 3;
        start("");
        decide = c -> Decision.enter();
        f.price(BTC, "100");

        f.candle(BTC, "100");
        assertThat(f.gateway.placed).isEmpty();
        f.candle(BTC, "100");

        assertThat(f.trader.strategyErrors()).isEqualTo(3);
        assertThat(f.gateway.placed).extracting(Order::purpose).containsExactly(Purpose.ENTRY);
        assertThat(messages(Level.ERROR)).hasSize(1).allMatch(m -> m.startsWith("strategy scripted failed to start on "
                + "BTC/USDT at 2026-03-01T10:00:00Z: java.lang.IllegalStateException: not ready; it holds, and is made "
                + "again on the next candle."));
    }

    @Test
    void anExplanationThatFailsLeavesTheProgressLineAndTheDecision() throws Exception {
        start("");
        explain = c -> {
            throw new UnsupportedOperationException("later");
        };
        decide = c -> Decision.enter();
        f.price(BTC, "100");

        f.candle(BTC, "100");

        assertThat(f.gateway.placed).hasSize(1);
        assertThat(f.trader.strategyErrors()).isEqualTo(1);
        assertThat(messages(Level.INFO)).contains("BTC/USDT 1m candle closed at 100: the strategy failed to explain "
                + "this candle (see the log); no position");
    }
}
