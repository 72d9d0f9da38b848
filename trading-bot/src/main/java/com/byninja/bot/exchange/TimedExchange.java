package com.byninja.bot.exchange;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An exchange whose calls are timed where they are made: each call of its {@link MarketData} (prices, candles) and of
 * its {@link Execution} (orders, lookups, balances) is measured on the calling thread, a market monitor's or an order
 * executor's, and recorded in {@link #prices()} or {@link #orders()}. Everything else is the wrapped exchange's.
 */
public final class TimedExchange implements Exchange {

    /** One exchange call, which may fail. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws ExchangeException;
    }

    private final Exchange exchange;
    private final CallTimes prices = new CallTimes();
    private final CallTimes account = new CallTimes();
    private final MarketData marketData;
    private final Execution execution;

    public TimedExchange(Exchange exchange) {
        this.exchange = exchange;
        this.marketData = new TimedMarketData(exchange.marketData());
        this.execution = new TimedExecution(exchange.execution());
    }

    /** @return the times of the price and candle calls */
    public CallTimes prices() {
        return prices;
    }

    /** @return the times of the order, lookup and balance calls */
    public CallTimes orders() {
        return account;
    }

    @Override
    public MarketData marketData() {
        return marketData;
    }

    @Override
    public Execution execution() {
        return execution;
    }

    @Override
    public Map<Symbol, MarketRules> rules() {
        return exchange.rules();
    }

    @Override
    public Optional<AccountView> account() {
        return exchange.account();
    }

    @Override
    public boolean buyingPaused() {
        return exchange.buyingPaused();
    }

    @Override
    public void close() {
        exchange.close();
    }

    private static <T> T timed(CallTimes times, Call<T> call) throws ExchangeException {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            T result = call.run();
            ok = true;
            return result;
        } finally {
            times.record(System.nanoTime() - start, ok);
        }
    }

    private final class TimedMarketData implements MarketData {
        private final MarketData data;

        TimedMarketData(MarketData data) {
            this.data = data;
        }

        @Override
        public String exchangeName() {
            return data.exchangeName();
        }

        @Override
        public Ticker ticker(Symbol symbol) throws ExchangeException {
            return timed(prices, () -> data.ticker(symbol));
        }

        @Override
        public List<Candle> history(Symbol symbol, Duration timeframe, int count) throws ExchangeException {
            return timed(prices, () -> data.history(symbol, timeframe, count));
        }

        @Override
        public Optional<String> followCandles(Symbol symbol, Duration timeframe) {
            return data.followCandles(symbol, timeframe);
        }

        @Override
        public Optional<List<Candle>> closedCandlesSince(Symbol symbol, Duration timeframe, Instant since)
                throws ExchangeException {
            return timed(prices, () -> data.closedCandlesSince(symbol, timeframe, since));
        }
    }

    private final class TimedExecution implements Execution {
        private final Execution execution;

        TimedExecution(Execution execution) {
            this.execution = execution;
        }

        @Override
        public ExecutionReport placeOrder(OrderRequest request) throws ExchangeException {
            return timed(account, () -> execution.placeOrder(request));
        }

        @Override
        public Optional<ExecutionReport> findOrder(OrderRequest request) throws ExchangeException {
            return timed(account, () -> execution.findOrder(request));
        }

        @Override
        public Optional<ExecutionReport> cancelOrder(OrderRequest request) throws ExchangeException {
            return timed(account, () -> execution.cancelOrder(request));
        }

        @Override
        public Map<String, BigDecimal> balances() throws ExchangeException {
            return timed(account, execution::balances);
        }

        @Override
        public BigDecimal feePct() {
            return execution.feePct();
        }
    }
}
