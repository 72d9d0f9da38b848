package com.byninja.bot.replay;

import static org.awaitility.Awaitility.await;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.engine.StepClock;
import com.byninja.bot.engine.Trader;
import com.byninja.bot.engine.TradingEngine;
import com.byninja.bot.engine.port.Journals;
import com.byninja.bot.exchange.paper.PaperExecution;
import com.byninja.bot.exchange.paper.PaperWallet;
import com.byninja.bot.orders.ClientOrderIds;
import com.byninja.bot.orders.OrderExecutor;
import com.byninja.bot.orders.OrderManager;
import com.byninja.bot.risk.RiskManager;
import com.byninja.bot.store.Database;
import com.byninja.bot.store.TradingStore;
import com.byninja.bot.strategy.Strategies;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The live engine as the bot runs it (its threads, the order executor, the paper wallet and the store on a real
 * SQLite file), fed candles one at a time on a simulated clock: each candle is read, and the order it caused filled
 * and booked, before the next. What the replay tests compare a replay against.
 */
final class LiveEngine {

    /** What to read from the store once the candles are done. */
    @FunctionalInterface
    interface Reading<T> {
        T read(TradingStore store) throws Exception;
    }

    private LiveEngine() {
    }

    /**
     * @param start        the clock's time before the first candle
     * @param exchangeName the name the trader gives its exchange
     * @return what {@code reading} read from the store after the last candle
     */
    static <T> T run(BotConfig config, Instant start, List<Candle> candles, String exchangeName, Reading<T> reading)
            throws Exception {
        SimulatedClock clock = new SimulatedClock(start);
        HistoryPrices prices = new HistoryPrices();
        try (Database db = Database.open(config.databaseFile())) {
            TradingStore store = new TradingStore(db);
            PaperExecution execution = new PaperExecution(new PaperWallet(config.simulator(), "USDT", db, clock,
                    "SIM"), prices, Map.of(), clock);
            StepClock time = new StepClock(clock);
            try (OrderExecutor executor = new OrderExecutor(execution, config.symbols(), 16, 60_000)) {
                Trader trader = Trader.restore(config, time, Strategies.create(config.strategy()),
                        new RiskManager(config.risk(), "USDT", execution.feePct(), Map.of()),
                        new OrderManager(store, executor, new ClientOrderIds(time, "rpl"), time), Journals.of(store),
                        new CollectedAlerts(), prices, execution.balances(), () -> false, exchangeName);
                TradingEngine engine = new TradingEngine(trader, executor, 16, 16);
                executor.start();
                engine.start();
                try {
                    long read = 0;
                    for (Candle c : candles) {
                        clock.set(c.end());
                        prices.update(c);
                        engine.onCandle(c);
                        long expected = ++read;
                        // The candle is read, and the order it caused, if any, is filled and booked.
                        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
                                .pollInterval(Duration.ofMillis(1)).until(() -> trader.latest().candlesRead() == expected
                                && trader.latest().symbols().stream().allMatch(s -> s.orderInFlight().isEmpty()));
                    }
                } finally {
                    engine.close();
                }
            }
            return reading.read(store);
        }
    }
}
