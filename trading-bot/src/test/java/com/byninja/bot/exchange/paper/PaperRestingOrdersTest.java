package com.byninja.bot.exchange.paper;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.MutableClock;
import com.byninja.bot.TestConfigs;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.ExecutionReport.Refusal;
import com.byninja.bot.domain.ExecutionReport.Status;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import com.byninja.bot.exchange.MarketData;
import com.byninja.bot.store.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paper trading's resting orders: limit orders and stops in the paper wallet, matched against the prices read for
 * their market. Fee 0.1 %, slippage 0.05 %, 10000 USDT to start; the market trades in ticks of 0.01 and steps of
 * 0.00001.
 */
class PaperRestingOrdersTest {

    static final Symbol SOL = new Symbol("SOL", "USDT");
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final MarketRules RULES = new MarketRules(SOL, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.00001"),
            new BigDecimal("0.01"), BigDecimal.ZERO);

    @TempDir
    Path dir;
    BotConfig config;
    MutableClock clock;
    Prices prices;

    @BeforeEach
    void setUp() {
        config = TestConfigs.config(dir, "");
        clock = new MutableClock(T0);
        prices = new Prices();
    }

    PaperExecution paper(WalletLedger ledger) throws Exception {
        return new PaperExecution(new PaperWallet(config.simulator(), "USDT", ledger, clock, "PAPER"), prices,
                Map.of(SOL, RULES), clock);
    }

    /**
     * Buys 1000 USDT of SOL at 100: fill 100 * 1.0005 = 100.05; 1000 / 100.05 = 9.99500 (down to the step); cost
     * 9.995 * 100.05 = 999.99975, fee 0.99999975; USDT 10000 - 999.99975 - 0.99999975 = 8999.00025025.
     */
    PaperExecution holdingSol(WalletLedger ledger) throws Exception {
        PaperExecution paper = paper(ledger);
        prices.set("100.00");
        ExecutionReport bought = paper.placeOrder(OrderRequest.buy("buy", SOL, new BigDecimal("1000")));
        assertThat(bought.filledQuantity()).isEqualByComparingTo("9.99500");
        assertThat(paper.balances().get("USDT")).isEqualByComparingTo("8999.00025025");
        return paper;
    }

    static OrderRequest stop(String id) {
        return OrderRequest.stopLoss(id, SOL, new BigDecimal("9.995"), new BigDecimal("95.00"),
                new BigDecimal("94.00"));
    }

    @Test
    void aStopLocksItsCoinsAndFillsWhenThePriceFallsThroughIt() throws Exception {
        PaperExecution paper = holdingSol(new MemoryLedger());

        ExecutionReport placed = paper.placeOrder(stop("stop"));

        assertThat(placed.status()).isEqualTo(Status.OPEN);
        assertThat(placed.exchangeOrderId()).isEqualTo("PAPER-2");
        assertThat(placed.filledQuantity()).isZero();
        assertThat(paper.balances().get("SOL")).isEqualByComparingTo("0");
        assertThat(paper.lockedBalances()).containsOnlyKeys("SOL");
        assertThat(paper.lockedBalances().get("SOL")).isEqualByComparingTo("9.995");

        prices.set("95.01");
        assertThat(paper.findOrder(stop("stop")).orElseThrow().status()).isEqualTo(Status.OPEN);

        clock.advance(Duration.ofSeconds(30));
        prices.set("94.50");
        ExecutionReport filled = paper.findOrder(stop("stop")).orElseThrow();

        // Triggered at 94.50 (at or below 95.00): 94.50 * 0.9995 = 94.45275, down to the tick 94.45, above the
        // limit 94.00; 9.995 * 94.45 = 944.02775, fee 0.94402775
        assertThat(filled.status()).isEqualTo(Status.FILLED);
        assertThat(filled.exchangeOrderId()).isEqualTo("PAPER-2");
        assertThat(filled.filledQuantity()).isEqualByComparingTo("9.995");
        assertThat(filled.averagePrice()).isEqualByComparingTo("94.45");
        assertThat(filled.quoteQuantity()).isEqualByComparingTo("944.02775");
        assertThat(filled.fee("USDT")).isEqualByComparingTo("0.94402775");
        assertThat(filled.time()).isEqualTo(T0.plusSeconds(30));
        // 8999.00025025 + 944.02775 - 0.94402775
        assertThat(paper.balances().get("USDT")).isEqualByComparingTo("9942.0839725");
        assertThat(paper.balances().get("SOL")).isEqualByComparingTo("0");
        assertThat(paper.lockedBalances()).isEmpty();
    }

    @Test
    void aStopGappedBelowItsLimitRestsTriggeredUntilThePriceGoesAboveTheLimit() throws Exception {
        PaperExecution paper = holdingSol(new MemoryLedger());
        paper.placeOrder(stop("stop"));

        prices.set("93.00");
        assertThat(paper.findOrder(stop("stop")).orElseThrow().status()).isEqualTo(Status.OPEN);
        // Back above the stop but only touching the limit: a touch is not enough.
        prices.set("94.00");
        assertThat(paper.findOrder(stop("stop")).orElseThrow().status()).isEqualTo(Status.OPEN);
        assertThat(paper.lockedBalances().get("SOL")).isEqualByComparingTo("9.995");

        clock.advance(Duration.ofSeconds(5));
        prices.set("94.01");
        ExecutionReport filled = paper.findOrder(stop("stop")).orElseThrow();

        // At its limit, 94.00: 9.995 * 94 = 939.53, fee 0.93953; USDT 8999.00025025 + 939.53 - 0.93953
        assertThat(filled.status()).isEqualTo(Status.FILLED);
        assertThat(filled.averagePrice()).isEqualByComparingTo("94.00");
        assertThat(filled.fee("USDT")).isEqualByComparingTo("0.93953");
        assertThat(filled.time()).isEqualTo(T0.plusSeconds(5));
        assertThat(paper.balances().get("USDT")).isEqualByComparingTo("9937.59072025");
    }

    @Test
    void aLimitBuyFillsOnlyWhenThePriceGoesStrictlyBelowItsLimitAndAtItsLimit() throws Exception {
        PaperExecution paper = paper(new MemoryLedger());
        prices.set("100.00");
        OrderRequest buy = OrderRequest.limitBuy("lb", SOL, new BigDecimal("500"), new BigDecimal("99.00"), false);

        assertThat(paper.placeOrder(buy).status()).isEqualTo(Status.OPEN);
        // 500 / 99 = 5.05050 (down to the step); locks 5.0505 * 99 = 499.9995 plus its fee 0.4999995
        assertThat(paper.lockedBalances().get("USDT")).isEqualByComparingTo("500.4994995");
        assertThat(paper.balances().get("USDT")).isEqualByComparingTo("9499.5005005");

        prices.set("99.00");
        assertThat(paper.findOrder(buy).orElseThrow().status()).isEqualTo(Status.OPEN);
        prices.set("98.99");
        ExecutionReport filled = paper.findOrder(buy).orElseThrow();

        assertThat(filled.status()).isEqualTo(Status.FILLED);
        assertThat(filled.averagePrice()).isEqualByComparingTo("99.00");
        assertThat(filled.filledQuantity()).isEqualByComparingTo("5.05050");
        assertThat(filled.quoteQuantity()).isEqualByComparingTo("499.9995");
        assertThat(filled.fee("USDT")).isEqualByComparingTo("0.4999995");
        // The lock paid exactly the cost and the fee: nothing comes back.
        assertThat(paper.balances().get("USDT")).isEqualByComparingTo("9499.5005005");
        assertThat(paper.balances().get("SOL")).isEqualByComparingTo("5.0505");
        assertThat(paper.lockedBalances()).isEmpty();
    }

    @Test
    void aLimitBuyAtOrAboveThePriceExecutesAtOnceButNeverAboveItsLimit() throws Exception {
        PaperExecution paper = paper(new MemoryLedger());
        prices.set("100.00");

        ExecutionReport capped = paper.placeOrder(
                OrderRequest.limitBuy("capped", SOL, new BigDecimal("500"), new BigDecimal("100.02"), false));
        ExecutionReport slipped = paper.placeOrder(
                OrderRequest.limitBuy("slipped", SOL, new BigDecimal("500"), new BigDecimal("100.10"), false));

        // Market fill 100 * 1.0005 = 100.05, above the limit 100.02: at 100.02; 500 / 100.02 = 4.99900
        assertThat(capped.status()).isEqualTo(Status.FILLED);
        assertThat(capped.averagePrice()).isEqualByComparingTo("100.02");
        assertThat(capped.filledQuantity()).isEqualByComparingTo("4.99900");
        // Under the limit 100.10 it fills at 100.05, the quantity still what 500 buys at its limit: 4.99500
        assertThat(slipped.averagePrice()).isEqualByComparingTo("100.05");
        assertThat(slipped.filledQuantity()).isEqualByComparingTo("4.99500");
        // 10000 - 499.99998 - 0.49999998 - 499.74975 - 0.49974975
        assertThat(paper.balances().get("USDT")).isEqualByComparingTo("8999.25052027");
        assertThat(paper.lockedBalances()).isEmpty();
    }

    @Test
    void aPostOnlyLimitThatWouldExecuteAtOnceIsRefused() throws Exception {
        PaperExecution paper = holdingSol(new MemoryLedger());

        ExecutionReport buy = paper.placeOrder(
                OrderRequest.limitBuy("pb", SOL, new BigDecimal("500"), new BigDecimal("100.00"), true));
        ExecutionReport sell = paper.placeOrder(
                OrderRequest.limitSell("ps", SOL, new BigDecimal("1"), new BigDecimal("100.00"), true));
        ExecutionReport rests = paper.placeOrder(
                OrderRequest.limitSell("ok", SOL, new BigDecimal("1"), new BigDecimal("100.01"), true));

        assertThat(buy.status()).isEqualTo(Status.REJECTED);
        assertThat(buy.refusal()).isEqualTo(Refusal.WOULD_TAKE);
        assertThat(sell.refusal()).isEqualTo(Refusal.WOULD_TAKE);
        assertThat(rests.status()).isEqualTo(Status.OPEN);
        assertThat(paper.balances().get("USDT")).isEqualByComparingTo("8999.00025025");
        assertThat(paper.balances().get("SOL")).isEqualByComparingTo("8.995");
    }

    @Test
    void aStopAtOrAboveThePriceIsRefusedAsWouldTriggerImmediately() throws Exception {
        PaperExecution paper = holdingSol(new MemoryLedger());

        ExecutionReport r = paper.placeOrder(OrderRequest.stopLoss("s", SOL, new BigDecimal("9.995"),
                new BigDecimal("100.00"), new BigDecimal("99.00")));

        assertThat(r.status()).isEqualTo(Status.REJECTED);
        assertThat(r.refusal()).isEqualTo(Refusal.WOULD_TRIGGER_IMMEDIATELY);
        assertThat(paper.balances().get("SOL")).isEqualByComparingTo("9.995");
        assertThat(paper.lockedBalances()).isEmpty();
    }

    @Test
    void coinsLockedByOneOrderCannotBeSoldByAnother() throws Exception {
        PaperExecution paper = holdingSol(new MemoryLedger());
        paper.placeOrder(stop("stop"));

        ExecutionReport market = paper.placeOrder(OrderRequest.sell("sell", SOL, new BigDecimal("1")));
        ExecutionReport tooDear = paper.placeOrder(
                OrderRequest.limitBuy("big", SOL, new BigDecimal("9000"), new BigDecimal("90.00"), false));

        assertThat(market.refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE);
        assertThat(market.reason()).isEqualTo("insufficient SOL balance: need 1.00000, have 0.00000");
        // 9000 / 90 = 100 SOL for 9000 plus a fee of 9: more than 8999.00025025
        assertThat(tooDear.refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE);
        assertThat(tooDear.reason()).startsWith("insufficient USDT balance: need 9009");
    }

    @Test
    void cancellingGivesBackWhatTheOrderLockedAndAnsweringTwiceGivesTheSameReport() throws Exception {
        PaperExecution paper = paper(new MemoryLedger());
        prices.set("100.00");
        OrderRequest buy = OrderRequest.limitBuy("lb", SOL, new BigDecimal("500"), new BigDecimal("99.00"), false);
        String exchangeId = paper.placeOrder(buy).exchangeOrderId();
        clock.advance(Duration.ofSeconds(3));

        ExecutionReport cancelled = paper.cancelOrder(buy).orElseThrow();

        assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
        assertThat(cancelled.exchangeOrderId()).isEqualTo(exchangeId);
        assertThat(cancelled.filledQuantity()).isZero();
        assertThat(cancelled.time()).isEqualTo(T0.plusSeconds(3));
        assertThat(paper.balances().get("USDT")).isEqualByComparingTo("10000");
        assertThat(paper.lockedBalances()).isEmpty();
        prices.set("90.00");
        assertThat(paper.findOrder(buy)).contains(cancelled);
        assertThat(paper.cancelOrder(buy)).contains(cancelled);
        assertThat(paper.placeOrder(buy)).isEqualTo(cancelled);
        assertThat(paper.cancelOrder(OrderRequest.buy("never", SOL, BigDecimal.TEN))).isEmpty();
    }

    @Test
    void cancellingAnOrderThePriceAlreadyFilledReturnsTheFill() throws Exception {
        PaperExecution paper = holdingSol(new MemoryLedger());
        paper.placeOrder(stop("stop"));

        prices.set("94.50");
        ExecutionReport tooLate = paper.cancelOrder(stop("stop")).orElseThrow();

        assertThat(tooLate.status()).isEqualTo(Status.FILLED);
        assertThat(tooLate.averagePrice()).isEqualByComparingTo("94.45");
        assertThat(paper.balances().get("SOL")).isEqualByComparingTo("0");
        assertThat(paper.balances().get("USDT")).isEqualByComparingTo("9942.0839725");
    }

    @Test
    void placingTheSameClientOrderIdAgainGivesItsStateNeverASecondOrder() throws Exception {
        PaperExecution paper = holdingSol(new MemoryLedger());

        ExecutionReport first = paper.placeOrder(stop("stop"));
        ExecutionReport again = paper.placeOrder(stop("stop"));

        assertThat(again).isEqualTo(first);
        assertThat(paper.lockedBalances().get("SOL")).isEqualByComparingTo("9.995");
        prices.set("94.50");
        assertThat(paper.placeOrder(stop("stop")).status()).isEqualTo(Status.FILLED);
        prices.set("80.00");
        assertThat(paper.placeOrder(stop("stop")).averagePrice()).isEqualByComparingTo("94.45");
        assertThat(paper.balances().get("USDT")).isEqualByComparingTo("9942.0839725");
    }

    @Test
    void theEngineCanMatchAPriceItReadItself() throws Exception {
        PaperExecution paper = holdingSol(new MemoryLedger());
        paper.placeOrder(stop("stop"));

        List<ExecutionReport> fills = paper.match(SOL, new BigDecimal("94.50"), T0.plusSeconds(9));

        assertThat(fills).singleElement().satisfies(f -> {
            assertThat(f.clientOrderId()).isEqualTo("stop");
            assertThat(f.averagePrice()).isEqualByComparingTo("94.45");
            assertThat(f.time()).isEqualTo(T0.plusSeconds(9));
        });
        assertThat(paper.match(SOL, new BigDecimal("90"), T0.plusSeconds(10))).isEmpty();
    }

    @Test
    void aLimitOrStopPriceOffTheTickIsRefusedAsTheExchangeWould() throws Exception {
        PaperExecution paper = holdingSol(new MemoryLedger());

        ExecutionReport r = paper.placeOrder(OrderRequest.stopLoss("s", SOL, new BigDecimal("9.995"),
                new BigDecimal("95.005"), new BigDecimal("94.00")));

        assertThat(r.status()).isEqualTo(Status.REJECTED);
        assertThat(r.reason()).isEqualTo("price 95.005 is not a multiple of the tick 0.01 for SOL/USDT");
        assertThat(paper.lockedBalances()).isEmpty();
    }

    @Test
    void restingOrdersAndLockedCoinsSurviveClosingAndReopeningTheDatabase() throws Exception {
        Path file = dir.resolve("paper.db");
        OrderRequest buy = OrderRequest.limitBuy("lb", SOL, new BigDecimal("500"), new BigDecimal("92.00"), false);
        try (Database db = Database.open(file)) {
            PaperExecution paper = holdingSol(new SimulatorLedger(db));
            paper.placeOrder(stop("stop"));
            paper.placeOrder(buy);
            // A gap below the stop's limit: triggered, it rests as a limit sell at 94.00.
            prices.set("93.00");
            assertThat(paper.findOrder(stop("stop")).orElseThrow().status()).isEqualTo(Status.OPEN);
        }

        try (Database db = Database.open(file)) {
            PaperExecution paper = paper(new SimulatorLedger(db));

            // The buy: 500 / 92 = 5.43478, locking 5.43478 * 92 = 499.99976 plus its fee 0.49999976;
            // USDT 8999.00025025 - 500.49975976
            assertThat(paper.balances().get("USDT")).isEqualByComparingTo("8498.50049049");
            assertThat(paper.balances().get("SOL")).isEqualByComparingTo("0");
            assertThat(paper.lockedBalances().get("SOL")).isEqualByComparingTo("9.995");
            assertThat(paper.lockedBalances().get("USDT")).isEqualByComparingTo("500.49975976");
            ExecutionReport resting = paper.findOrder(stop("stop")).orElseThrow();
            assertThat(resting.status()).isEqualTo(Status.OPEN);
            assertThat(resting.exchangeOrderId()).isEqualTo("PAPER-2");
            assertThat(resting.time()).isEqualTo(T0);
            assertThat(paper.findOrder(buy).orElseThrow().status()).isEqualTo(Status.OPEN);

            // Triggered before the restart, the stop is a limit sell at 94.00 now: 96.00, above its stop price,
            // fills it at its limit (a stop that had not triggered would wait for 95.00).
            prices.set("96.00");
            assertThat(paper.findOrder(stop("stop")).orElseThrow().averagePrice()).isEqualByComparingTo("94.00");
            prices.set("91.99");
            assertThat(paper.findOrder(buy).orElseThrow().averagePrice()).isEqualByComparingTo("92.00");
            ExecutionReport next = paper.placeOrder(OrderRequest.buy("more", SOL, BigDecimal.TEN));
            assertThat(next.exchangeOrderId()).isEqualTo("PAPER-4");
        }
        try (Database db = Database.open(file)) {
            PaperExecution paper = paper(new SimulatorLedger(db));
            assertThat(paper.lockedBalances()).isEmpty();
            assertThat(paper.findOrder(stop("stop")).orElseThrow().status()).isEqualTo(Status.FILLED);
            // The limit buy's 5.43478 and the market buy's 10 / 92.04 (91.99 * 1.0005 up to the tick) = 0.10864
            assertThat(paper.balances().get("SOL")).isEqualByComparingTo("5.54342");
        }
    }

    /** A market whose last price the test sets. */
    static final class Prices implements MarketData {

        private final Map<Symbol, BigDecimal> last = new ConcurrentHashMap<>();

        void set(String price) {
            last.put(SOL, new BigDecimal(price));
        }

        @Override
        public String exchangeName() {
            return "test";
        }

        @Override
        public Ticker ticker(Symbol symbol) {
            return new Ticker(symbol, last.get(symbol), Instant.EPOCH);
        }

        @Override
        public List<Candle> history(Symbol symbol, Duration timeframe, int count) {
            return List.of();
        }
    }
}
