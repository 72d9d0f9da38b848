package com.byninja.bot.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.byninja.bot.engine.port.Alerts;
import com.byninja.protocol.Message;
import com.byninja.protocol.Tag;
import com.byninja.runtime.Counters;
import com.byninja.runtime.ErrorHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogForwardingAppenderTest {

    final LoggerContext context = new LoggerContext();
    final Logger logger = context.getLogger("com.byninja.bot.engine.Trader");
    final List<Message> sent = new CopyOnWriteArrayList<>();
    LogForwardingAppender appender;

    void attach(int capacity, Consumer<Message> sink) {
        appender = new LogForwardingAppender(Level.WARN, capacity, sink);
        appender.setContext(context);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.DEBUG);
    }

    @AfterEach
    void stop() {
        appender.stop();
        context.stop();
    }

    @Test
    void warningsAndErrorsAreForwardedAsLogFramesAndInfoIsNot() {
        attach(10, sent::add);

        logger.info("quiet");
        logger.warn("order {} outcome unknown", "bn-1");
        logger.error("store failed", new IllegalStateException("disk full"));

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 2);
        assertThat(sent).extracting(Message::tag).containsOnly(Tag.LOG);
        assertThat(sent).extracting(Message::level).containsExactly("WARN", "ERROR");
        assertThat(sent.get(0).message()).isEqualTo("Trader: order bn-1 outcome unknown");
        assertThat(sent.get(1).message())
                .isEqualTo("Trader: store failed (java.lang.IllegalStateException: disk full)");
    }

    @Test
    void aStuckSinkNeverBlocksTheLoggingThreadAndDropsAreCounted() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstTaken = new CountDownLatch(1);
        attach(2, m -> {
            firstTaken.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        logger.warn("first");
        assertThat(firstTaken.await(5, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            logger.warn("line {}", i);
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(elapsedMs).isLessThan(2_000);
        assertThat(appender.dropped()).isEqualTo(98);
        release.countDown();
    }

    @Test
    void aLineMarkedAsAlertedStaysInTheLogButIsNotForwarded() {
        ListAppender<ILoggingEvent> file = new ListAppender<>();
        file.setContext(context);
        file.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(file);
        attach(10, sent::add);

        logger.error(Alerts.ALERTED, "binance: 5 calls failed in a row; buying is paused");
        logger.warn("order {} outcome unknown", "bn-1");

        await().atMost(Duration.ofSeconds(5)).until(() -> !sent.isEmpty());
        assertThat(sent).extracting(Message::message).containsExactly("Trader: order bn-1 outcome unknown");
        assertThat(file.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "binance: 5 calls failed in a row; buying is paused", "order bn-1 outcome unknown");
    }

    @Test
    void linesFromTheLinkAndFromTheForwarderItselfAreNotForwarded() {
        Logger linkLogger = context.getLogger("com.byninja.protocol.LinkClient");
        attach(10, m -> {
            sent.add(m);
            // A sink that logs would feed itself without the guard.
            logger.warn("while forwarding");
        });

        linkLogger.warn("cannot connect");
        logger.warn("real problem");

        await().atMost(Duration.ofSeconds(5)).until(() -> !sent.isEmpty());
        assertThat(sent).extracting(Message::message).containsExactly("Trader: real problem");
    }

    @Test
    void everyWarningAndErrorIsKeptForLogsWhetherForwardedOrNotOnTheLoggingThread() {
        RecentLogs recent = new RecentLogs();
        appender = new LogForwardingAppender(Level.OFF, 10, sent::add, ErrorHandler.logging(
                org.slf4j.LoggerFactory.getLogger(getClass()), new Counters()), recent);
        appender.setContext(context);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        Logger linkLogger = context.getLogger("com.byninja.protocol.LinkClient");

        logger.info("quiet");
        logger.error(Alerts.ALERTED, "binance: 5 calls failed in a row; buying is paused");
        linkLogger.warn("cannot connect");
        logger.warn("store failed", new IllegalStateException("disk full"));

        // Kept before append returns: no thread in between.
        assertThat(recent.last(10).lines()).extracting(RecentLogs.Line::level, RecentLogs.Line::logger,
                RecentLogs.Line::text).containsExactly(
                tuple("ERROR", "Trader", "binance: 5 calls failed in a row; buying is paused"),
                tuple("WARN", "LinkClient", "cannot connect"),
                tuple("WARN", "Trader", "store failed (java.lang.IllegalStateException: disk full)"));
        // Forwarding OFF forwards nothing.
        assertThat(appender.waiting()).isZero();
        assertThat(sent).isEmpty();
    }
}
