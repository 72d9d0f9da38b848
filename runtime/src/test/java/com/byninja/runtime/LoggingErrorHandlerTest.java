package com.byninja.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoggingErrorHandlerTest {

    private final CapturedLog log = new CapturedLog();
    private final Counters counters = new Counters();
    private final AtomicLong nanos = new AtomicLong();
    private final LoggingErrorHandler handler = new LoggingErrorHandler(log.logger, counters,
            e -> e.getClass().getSimpleName() + ": " + e.getMessage(), 60_000, nanos::get);

    private void seconds(long s) {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(s));
    }

    @Test
    void everyFailureCountsButARoleIsLoggedAtErrorOnceAMinuteSayingHowManyWereNot() {
        handler.onWorkError("market-monitor-BTC/USDT", new IllegalStateException("no candle"));
        seconds(10);
        handler.onWorkError("market-monitor-BTC/USDT", new IllegalStateException("no candle"));
        seconds(10);
        handler.onWorkError("market-monitor-BTC/USDT", new IllegalStateException("no candle"));
        handler.onStartError("log-relay", new IllegalArgumentException("no chats"));
        seconds(40);
        handler.onCloseError("market-monitor-BTC/USDT", new IllegalStateException("still busy"));

        assertThat(log.lines()).containsExactly(
                "ERROR market-monitor-BTC/USDT failed: IllegalStateException: no candle (trace)",
                "DEBUG market-monitor-BTC/USDT failed: IllegalStateException: no candle (trace)",
                "DEBUG market-monitor-BTC/USDT failed: IllegalStateException: no candle (trace)",
                "ERROR log-relay could not start: IllegalArgumentException: no chats (trace)",
                "ERROR market-monitor-BTC/USDT did not close cleanly: IllegalStateException: still busy (2 more "
                        + "failures since the last one logged) (trace)");
        assertThat(handler.errors()).isEqualTo(5);
        assertThat(handler.errors("market-monitor-BTC/USDT")).isEqualTo(4);
        assertThat(counters.snapshot()).containsExactly(Map.entry("errors", 5L),
                Map.entry("errors.market-monitor-BTC/USDT", 4L), Map.entry("errors.log-relay", 1L));
    }

    @Test
    void oneFailureNotLoggedIsSaidInTheSingular() {
        handler.onWorkError("chat-sender-42", new IllegalStateException("a"));
        handler.onWorkError("chat-sender-42", new IllegalStateException("b"));
        seconds(60);
        handler.onWorkError("chat-sender-42", new IllegalStateException("c"));

        assertThat(log.lines()).endsWith(
                "ERROR chat-sender-42 failed: IllegalStateException: c (1 more failure since the last one logged) "
                        + "(trace)");
    }
}
