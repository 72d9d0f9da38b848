package com.byninja.bot.exchange.xchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.byninja.bot.MutableClock;
import com.byninja.bot.RecordingAlerts;
import com.byninja.bot.link.LogForwardingAppender;
import com.byninja.protocol.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * One outage, one message each way: the alert says what it counts, and the log line of the same event stays in the
 * log but is not relayed to the chat beside it.
 */
class ExchangeHealthTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final RecordingAlerts alerts = new RecordingAlerts();
    final ExchangeHealth health = new ExchangeHealth("binance", 5, alerts, clock);
    final Logger logger = (Logger) LoggerFactory.getLogger(ExchangeHealth.class);
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    final List<Message> relayed = new CopyOnWriteArrayList<>();
    LogForwardingAppender forwarder;

    @BeforeEach
    void attach() {
        logged.start();
        logger.addAppender(logged);
        forwarder = new LogForwardingAppender(Level.WARN, 100, relayed::add);
        forwarder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        forwarder.start();
        logger.addAppender(forwarder);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(logged);
        logger.detachAppender(forwarder);
        forwarder.stop();
    }

    @Test
    void anOutageIsOneAlertWhenItStartsAndOneWhenItEndsAndTheirLogLinesAreNotRelayed() {
        for (int i = 0; i < 148; i++) {
            health.failed("connect timed out");
            clock.advance(Duration.ofSeconds(1));
        }
        health.answered();
        // An unmarked warning after them: once it is relayed, any marked line before it would have been too.
        logger.warn("a line of its own");
        await().atMost(Duration.ofSeconds(5)).until(() -> !relayed.isEmpty());

        assertThat(alerts.events()).containsExactly("exchange_failing", "exchange_recovered");
        assertThat(alerts.alerts.get(0).text()).isEqualTo("binance is failing: 5 calls in a row got no answer, the "
                + "last: connect timed out. Buying is paused until it answers again; protective sells keep being "
                + "tried.");
        assertThat(alerts.alerts.get(1).text()).isEqualTo("binance answers again after 2 min: 148 calls failed "
                + "meanwhile, counting every try of every call (each symbol's prices and candles, orders, balances). "
                + "Buying resumes.");
        assertThat(alerts.alerts.get(1).data().path("failingMs").asLong()).isEqualTo(148_000);
        assertThat(alerts.alerts.get(1).data().path("scope").asText()).isEqualTo("exchange");

        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "binance: 5 calls failed in a row, the last: connect timed out; buying is paused until it answers "
                        + "again",
                "binance answers again after 2 min: 148 calls failed meanwhile, counting every try of every call "
                        + "(each symbol's prices and candles, orders, balances); buying resumes",
                "a line of its own");
        assertThat(relayed).extracting(Message::message).containsExactly("ExchangeHealth: a line of its own");
    }

    @Test
    void failuresBelowTheThresholdRaiseNothing() {
        for (int i = 0; i < 4; i++) {
            health.failed("HTTP 502");
        }
        health.answered();

        assertThat(alerts.alerts).isEmpty();
        assertThat(health.buyingPaused()).isFalse();
    }
}
