package com.byninja.bot.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every exchange call through a {@link TimedExchange} is counted where it is made, failed or not, prices apart from
 * orders and balances; what the wrapped exchange says passes unchanged. {@link CallTimes} gives the median and the
 * longest of the last 100.
 */
class TimedExchangeTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");

    /** An exchange whose first price call fails and whose balances are 100 USDT. */
    static final class OnceFailing implements Exchange, MarketData, Execution {
        int tickers;

        @Override
        public MarketData marketData() {
            return this;
        }

        @Override
        public Execution execution() {
            return this;
        }

        @Override
        public boolean buyingPaused() {
            return true;
        }

        @Override
        public void close() {
        }

        @Override
        public String exchangeName() {
            return "once-failing";
        }

        @Override
        public Ticker ticker(Symbol symbol) throws ExchangeException {
            if (tickers++ == 0) {
                throw new ExchangeException("connect timed out");
            }
            return new Ticker(symbol, new BigDecimal("60000"), Instant.EPOCH);
        }

        @Override
        public List<Candle> history(Symbol symbol, Duration timeframe, int count) {
            return List.of();
        }

        @Override
        public ExecutionReport placeOrder(OrderRequest request) {
            throw new UnsupportedOperationException("no orders here");
        }

        @Override
        public Optional<ExecutionReport> cancelOrder(OrderRequest request) {
            return Optional.empty();
        }

        @Override
        public Optional<ExecutionReport> findOrder(OrderRequest request) {
            return Optional.empty();
        }

        @Override
        public Map<String, BigDecimal> balances() {
            return Map.of("USDT", new BigDecimal("100"));
        }
    }

    @Test
    void everyCallIsCountedFailedOrNotAndItsAnswerPassesUnchanged() throws Exception {
        TimedExchange timed = new TimedExchange(new OnceFailing());

        assertThatThrownBy(() -> timed.marketData().ticker(BTC)).hasMessage("connect timed out");
        assertThat(timed.marketData().ticker(BTC).price()).isEqualByComparingTo("60000");
        assertThat(timed.marketData().history(BTC, Duration.ofMinutes(1), 10)).isEmpty();
        assertThat(timed.execution().balances()).containsEntry("USDT", new BigDecimal("100"));
        assertThatThrownBy(() -> timed.execution().placeOrder(null)).hasMessage("no orders here");

        assertThat(timed.prices().summary()).extracting(CallTimes.Summary::calls, CallTimes.Summary::failed,
                CallTimes.Summary::recent, CallTimes.Summary::recentFailed).containsExactly(3L, 1L, 3, 1);
        assertThat(timed.orders().summary()).extracting(CallTimes.Summary::calls, CallTimes.Summary::failed)
                .containsExactly(2L, 1L);
        assertThat(timed.marketData().exchangeName()).isEqualTo("once-failing");
        assertThat(timed.buyingPaused()).isTrue();
    }

    @Test
    void theMedianAndTheLongestAreThoseOfTheLast100Calls() {
        CallTimes times = new CallTimes();
        assertThat(times.summary()).isEqualTo(new CallTimes.Summary(0, 0, 0, 0, 0, 0));
        // 1 000 ms first, then 1 to 100 ms: the first no longer counts among the last 100.
        times.record(1_000_000_000L, false);
        for (int ms = 1; ms <= 100; ms++) {
            times.record(ms * 1_000_000L, true);
        }

        // The lower middle of 100 values, the 50th: 50 ms.
        assertThat(times.summary()).isEqualTo(new CallTimes.Summary(101, 1, 100, 0, 50_000_000L, 100_000_000L));
    }
}
