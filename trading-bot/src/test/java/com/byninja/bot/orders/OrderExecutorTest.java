package com.byninja.bot.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.bot.Reports;
import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.Execution;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OrderExecutorTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Symbol ETH = new Symbol("ETH", "USDT");

    /** An exchange that fills everything at 100 and can be made to fail or to hang. */
    static final class FakeExecution implements Execution {
        final List<String> placed = new CopyOnWriteArrayList<>();
        volatile boolean failing;
        volatile CountDownLatch hang;
        /** Only this symbol's orders hang, when set. */
        volatile Symbol hangOnly;
        final CountDownLatch entered = new CountDownLatch(1);

        @Override
        public ExecutionReport placeOrder(OrderRequest r) throws ExchangeException {
            if (hangOnly == null || hangOnly.equals(r.symbol())) {
                entered.countDown();
            }
            if (hang != null && (hangOnly == null || hangOnly.equals(r.symbol()))) {
                try {
                    hang.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failing) {
                throw new ExchangeException("connection reset");
            }
            placed.add(r.clientOrderId());
            return Reports.filled(r.clientOrderId(), "E", "1", "100", "0", "USDT", Instant.now());
        }

        @Override
        public Optional<ExecutionReport> cancelOrder(OrderRequest request) {
            return Optional.empty();
        }

        @Override
        public Optional<ExecutionReport> findOrder(OrderRequest r) {
            return Optional.empty();
        }

        @Override
        public Map<String, BigDecimal> balances() {
            return Map.of("USDT", BigDecimal.TEN);
        }
    }

    static Order order(String id) {
        return order(id, BTC);
    }

    static Order order(String id, Symbol symbol) {
        return Order.newOrder(OrderRequest.sell(id, symbol, BigDecimal.ONE), Purpose.STOP_LOSS, Instant.now());
    }

    static List<GatewayResult> drain(OrderExecutor executor, int atLeast) {
        List<GatewayResult> results = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            GatewayResult r;
            while ((r = executor.poll()) != null) {
                results.add(r);
            }
            return results.size() >= atLeast;
        });
        return results;
    }

    @Test
    void eachOrderIsSentOnceAndBalancesFollowItsFill() {
        FakeExecution exchange = new FakeExecution();
        try (OrderExecutor executor = new OrderExecutor(exchange, List.of(BTC), 4, 60_000)) {
            executor.start();
            executor.place(order("a"));

            List<GatewayResult> results = drain(executor, 2);

            assertThat(results.get(0)).isInstanceOf(GatewayResult.Executed.class);
            assertThat(results.get(1)).isInstanceOf(GatewayResult.Balances.class);
            assertThat(exchange.placed).containsExactly("a");
        }
    }

    @Test
    void aFailedCallReportsAnUnknownOutcomeAndIsNotRetried() {
        FakeExecution exchange = new FakeExecution();
        exchange.failing = true;
        try (OrderExecutor executor = new OrderExecutor(exchange, List.of(BTC), 4, 60_000)) {
            executor.start();
            executor.place(order("a"));

            assertThat(drain(executor, 1).get(0)).isInstanceOf(GatewayResult.Unknown.class);
            assertThat(exchange.placed).isEmpty();
        }
    }

    @Test
    void aLookupOfAnOrderTheExchangeNeverSawReportsNotFound() {
        try (OrderExecutor executor = new OrderExecutor(new FakeExecution(), List.of(BTC), 4, 60_000)) {
            executor.start();
            executor.lookup(order("a"));

            assertThat(drain(executor, 1).get(0)).isInstanceOf(GatewayResult.NotFound.class);
        }
    }

    @Test
    void aFullQueueRefusesOrdersAtOnce() throws InterruptedException {
        FakeExecution exchange = new FakeExecution();
        exchange.hang = new CountDownLatch(1);
        try (OrderExecutor executor = new OrderExecutor(exchange, List.of(BTC), 2, 60_000)) {
            executor.start();
            executor.place(order("in-hand"));
            assertThat(exchange.entered.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(executor.place(order("q1"))).isTrue();
            assertThat(executor.place(order("q2"))).isTrue();
            assertThat(executor.place(order("q3"))).isFalse();
            assertThat(executor.rejectedTasks()).isEqualTo(1);
            exchange.hang.countDown();
        }
    }

    @Test
    void aStopLossOfOneSymbolIsNotHeldBehindAnotherSymbolsSlowCall() throws InterruptedException {
        FakeExecution exchange = new FakeExecution();
        exchange.hang = new CountDownLatch(1);
        exchange.hangOnly = BTC;
        try (OrderExecutor executor = new OrderExecutor(exchange, List.of(BTC, ETH), 4, 60_000)) {
            executor.start();
            executor.place(order("btc-slow", BTC));
            assertThat(exchange.entered.await(5, TimeUnit.SECONDS)).isTrue();

            executor.place(order("eth-stop", ETH));

            // The BTC call still hangs, and the ETH stop-loss has gone through meanwhile, on its own lane.
            GatewayResult first = drain(executor, 1).get(0);
            assertThat(first).isInstanceOfSatisfying(GatewayResult.Executed.class,
                    e -> assertThat(e.order().clientOrderId()).isEqualTo("eth-stop"));
            assertThat(exchange.placed).containsExactly("eth-stop");
            exchange.hang.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> exchange.placed.contains("btc-slow"));
        }
    }

    @Test
    void eachSymbolHasItsOwnNamedThreadAndNoneOutlivesClose() {
        OrderExecutor executor = new OrderExecutor(new FakeExecution(), List.of(BTC, ETH), 4, 60_000);
        executor.start();
        assertThat(threadNames()).contains("order-executor-BTC/USDT", "order-executor-ETH/USDT", "order-balances");

        executor.close();

        assertThat(threadNames()).doesNotContain("order-executor-BTC/USDT", "order-executor-ETH/USDT",
                "order-balances");
    }

    @Test
    void stoppingCutsOffOnlyTheCallsStillWaitingForTheExchangeAndNamesThem() throws InterruptedException {
        FakeExecution exchange = new FakeExecution();
        exchange.hang = new CountDownLatch(1);
        exchange.hangOnly = BTC;
        OrderExecutor executor = new OrderExecutor(exchange, List.of(BTC, ETH), 4, 60_000);
        executor.start();
        executor.place(Order.newOrder(OrderRequest.buy("btc-buy", BTC, new BigDecimal("25.00")), Purpose.FORCE_BUY,
                Instant.now()));
        assertThat(exchange.entered.await(5, TimeUnit.SECONDS)).isTrue();
        executor.place(order("eth-sell", ETH));
        drain(executor, 1);

        long started = System.nanoTime();
        executor.requestStop();
        List<OrderExecutor.CutOff> cut = executor.awaitStop(started + TimeUnit.MILLISECONDS.toNanos(300));

        assertThat(cut).singleElement().satisfies(c -> {
            assertThat(c.what()).isEqualTo("order btc-buy (BUY BTC/USDT 25.00 USDT)");
            assertThat(c.consequence()).isEqualTo("it stays NEW and is looked up at the next start");
        });
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1_000);
        assertThat(threadNames()).doesNotContain("order-executor-ETH/USDT", "order-balances");
    }

    static List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }
}
