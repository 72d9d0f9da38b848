package com.byninja.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.bot.config.ConfigLoader;
import com.byninja.bot.config.Reread;
import com.byninja.protocol.Message;
import com.byninja.protocol.commands.Command;
import com.byninja.runtime.Counters;
import com.byninja.runtime.ErrorHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The {@code config-reload} thread with a real configuration file: it reads off the trading thread, one reading at a
 * time, hands the outcome to the trading thread, answers by itself when that one cannot take it, and ends on close.
 */
class ConfigReloaderTest {

    @TempDir
    Path dir;
    Path file;
    ConfigLoader loader = new ConfigLoader(Map.of());
    /** The tasks handed to the "trading thread": run by the test when it says. */
    final BlockingQueue<Runnable> tradingThread = new LinkedBlockingQueue<>();
    final List<Message> replies = new CopyOnWriteArrayList<>();
    final List<Reread> outcomes = new CopyOnWriteArrayList<>();
    final CountDownLatch reading = new CountDownLatch(1);
    final CountDownLatch mayRead = new CountDownLatch(1);
    ConfigReloader reloader;

    @BeforeEach
    void setUp() throws Exception {
        file = dir.resolve("bot.yml");
        Files.writeString(file, "risk:\n  stakeAmount: 100\n");
    }

    @AfterEach
    void tearDown() {
        reloader.close();
    }

    /** A reloader whose reading waits until the test lets it, so that the test can ask again meanwhile. */
    ConfigReloader start(boolean tradingThreadTakes) throws Exception {
        ConfigLoader.Loaded started = loader.load(file);
        reloader = new ConfigReloader(started, () -> {
            assertThat(Thread.currentThread().getName()).isEqualTo("config-reload");
            reading.countDown();
            awaitLeave();
            return loader.load(file);
        }, task -> tradingThreadTakes && tradingThread.offer(task), replies::add,
                ErrorHandler.logging(LoggerFactory.getLogger(getClass()), new Counters())).start();
        return reloader;
    }

    void awaitLeave() {
        try {
            assertThat(mayRead.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to read", e);
        }
    }

    static Message reload(String id) {
        return Message.command(id, Command.RELOAD, null);
    }

    @Test
    void oneReadingAtATimeItsOutcomeOnTheTradingThreadThenTheNext() throws Exception {
        start(true);

        assertThat(reloader.reload(reload("r1"), outcomes::add)).isTrue();
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(reloader.reload(reload("r2"), outcomes::add)).as("a second reload while one reads").isFalse();
        Files.writeString(file, "risk:\n  stakeAmount: 40\n");
        mayRead.countDown();

        Runnable apply = tradingThread.poll(10, TimeUnit.SECONDS);
        assertThat(apply).isNotNull();
        assertThat(reloader.reload(reload("r3"), outcomes::add)).as("until the trading thread took it").isFalse();
        apply.run();
        assertThat(outcomes).singleElement().isInstanceOfSatisfying(Reread.Read.class, read -> assertThat(
                read.changes().changes()).extracting(c -> c.key() + " " + c.before() + " -> " + c.after())
                .containsExactly("risk.stakeAmount 100 -> 40"));
        assertThat(reloader.reload(reload("r4"), outcomes::add)).isTrue();
        assertThat(replies).isEmpty();
    }

    @Test
    void aFileWithAProblemIsRefusedWithItsLines() throws Exception {
        start(true);
        Files.writeString(file, "risk:\n  stakeAmount: much\n");
        mayRead.countDown();

        reloader.reload(reload("r1"), outcomes::add);

        tradingThread.poll(10, TimeUnit.SECONDS).run();
        assertThat(outcomes).singleElement().isEqualTo(new Reread.Refused(file.toString(),
                List.of(file + ":2: risk.stakeAmount: must be a number, got \"much\"")));
    }

    @Test
    void whenTheTradingThreadCannotTakeTheOutcomeTheReloaderAnswersThatNothingChanged() throws Exception {
        start(false);
        mayRead.countDown();

        reloader.reload(reload("r1"), outcomes::add);

        await().atMost(Duration.ofSeconds(10)).until(() -> !replies.isEmpty());
        assertThat(replies.get(0).id()).isEqualTo("r1");
        assertThat(replies.get(0).message()).isEqualTo("The bot is busy or stopping: /reload read " + file
                + " but changed nothing. Try again.");
        assertThat(outcomes).isEmpty();
        assertThat(reloader.reload(reload("r2"), outcomes::add)).isTrue();
    }

    @Test
    void itsThreadEndsOnClose() throws Exception {
        start(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> threads().contains("config-reload"));

        reloader.close();

        assertThat(threads()).doesNotContain("config-reload");
    }

    static List<String> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }
}
