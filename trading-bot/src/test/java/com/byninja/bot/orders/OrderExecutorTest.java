package com.byninja.bot.orders;

import com.byninja.bot.Reports;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.Execution;
import com.byninja.bot.exchange.ExecutionReport;
import com.byninja.bot.exchange.OrderRequest;
import com.byninja.bot.exchange.Symbol;
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

    /** An exchange that fills everything at 100 and can be made to fail or to hang. */
    static final class FakeExecution implements Execution {
        final List<String> placed = new CopyOnWriteArrayList<>();
        volatile boolean failing;
        volatile CountDownLatch hang;
        final CountDownLatch entered = new CountDownLatch(1);

        @Override
        public ExecutionReport placeMarketOrder(OrderRequest r) throws ExchangeException {
            entered.countDown();
            if (hang != null) {
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
        public Optional<ExecutionReport> findOrder(OrderRequest r) {
            return Optional.empty();
        }

        @Override
        public Map<String, BigDecimal> balances() {
            return Map.of("USDT", BigDecimal.TEN);
        }
    }

    static Order order(String id) {
        return Order.newOrder(OrderRequest.buy(id, BTC, BigDecimal.TEN), Purpose.FORCE_BUY, Instant.now());
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
        try (OrderExecutor executor = new OrderExecutor(exchange, 4, 60_000)) {
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
        try (OrderExecutor executor = new OrderExecutor(exchange, 4, 60_000)) {
            executor.start();
            executor.place(order("a"));

            assertThat(drain(executor, 1).get(0)).isInstanceOf(GatewayResult.Unknown.class);
            assertThat(exchange.placed).isEmpty();
        }
    }

    @Test
    void aLookupOfAnOrderTheExchangeNeverSawReportsNotFound() {
        try (OrderExecutor executor = new OrderExecutor(new FakeExecution(), 4, 60_000)) {
            executor.start();
            executor.lookup(order("a"));

            assertThat(drain(executor, 1).get(0)).isInstanceOf(GatewayResult.NotFound.class);
        }
    }

    @Test
    void aFullQueueRefusesOrdersAtOnce() throws InterruptedException {
        FakeExecution exchange = new FakeExecution();
        exchange.hang = new CountDownLatch(1);
        try (OrderExecutor executor = new OrderExecutor(exchange, 2, 60_000)) {
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
}
