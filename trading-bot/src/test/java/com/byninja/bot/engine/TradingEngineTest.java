package com.byninja.bot.engine;

import static com.byninja.bot.TraderFixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.domain.Candle;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradingEngineTest {

    @TempDir
    Path dir;
    TraderFixture f;
    TradingEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        f = new TraderFixture(dir, "");
        engine = new TradingEngine(f.trader, f.gateway, 2, 2);
        engine.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        engine.close();
        f.close();
    }

    static Candle candle(int minute) {
        BigDecimal c = BigDecimal.TEN;
        return new Candle(BTC, Instant.parse("2026-03-01T10:00:00Z").plusSeconds(60L * minute), Duration.ofMinutes(1),
                c, c, c, c, BigDecimal.ONE);
    }

    /** Occupies the trading thread until the returned latch is released. */
    CountDownLatch blockTheTradingThread() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        engine.submit(() -> {
            running.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    @Test
    void commandsRunOnTheTradingThread() throws InterruptedException {
        AtomicReference<String> thread = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);

        engine.submit(() -> {
            thread.set(Thread.currentThread().getName());
            done.countDown();
        });

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(thread.get()).isEqualTo("trading-engine");
    }

    @Test
    void aFullCommandQueueRefusesAtOnceAndCounts() throws InterruptedException {
        CountDownLatch release = blockTheTradingThread();

        assertThat(engine.submit(() -> { })).isTrue();
        assertThat(engine.submit(() -> { })).isTrue();
        assertThat(engine.submit(() -> { })).isFalse();

        assertThat(engine.tasksRefused()).isEqualTo(1);
        release.countDown();
    }

    @Test
    void candlesThatDoNotFitAreDroppedAndCounted() throws InterruptedException {
        CountDownLatch release = blockTheTradingThread();

        for (int i = 0; i < 5; i++) {
            engine.onCandle(candle(i));
        }

        assertThat(engine.eventsDropped()).isEqualTo(3);
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> f.trader.latest().symbol(BTC).orElseThrow().bars() == 2);
    }

    @Test
    void aFailingTaskIsCountedAndTheThreadGoesOn() throws InterruptedException {
        CountDownLatch after = new CountDownLatch(1);

        engine.submit(() -> {
            throw new IllegalStateException("boom");
        });
        engine.submit(after::countDown);

        assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(engine.errors()).isEqualTo(1);
    }

    @Test
    void closeStopsTheThreadAndRefusesNewWork() {
        engine.close();

        assertThat(engine.submit(() -> { })).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("trading-engine"));
    }
}
