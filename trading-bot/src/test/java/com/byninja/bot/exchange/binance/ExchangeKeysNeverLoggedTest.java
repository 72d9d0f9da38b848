package com.byninja.bot.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.byninja.bot.Exchanges;
import com.byninja.bot.RecordingAlerts;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.Exchange;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.store.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Live trading with every log line captured down to DEBUG: neither key appears in a line, an error or an alert. */
class ExchangeKeysNeverLoggedTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");

    @TempDir
    Path dir;
    BinanceStub stub;
    Database db;
    final RecordingAlerts alerts = new RecordingAlerts();
    final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    Logger root;
    Level rootLevel;

    @BeforeEach
    void start() throws Exception {
        stub = new BinanceStub();
        db = Database.open(dir.resolve("test.db"));
        root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void stop() throws Exception {
        root.detachAppender(captured);
        root.setLevel(rootLevel);
        db.close();
        stub.close();
    }

    @Test
    void liveTradingNeverWritesTheKeysAnywhere() throws Exception {
        List<String> seen = new ArrayList<>();
        Exchange exchange = Exchanges.open(StubConfigs.live(dir, stub, 300), db, Clock.systemUTC(),
                alerts);
        exchange.execution().placeOrder(OrderRequest.buy("bn-k-1", BTC, new BigDecimal("100")));
        stub.failNext("/api/v3/order", new BinanceStub.Fault(401, 0, "{\"code\":-2015,\"msg\":\"Invalid API-key, "
                + "IP, or permissions for action.\"}"));
        seen.add(exchange.execution().placeOrder(OrderRequest.buy("bn-k-2", BTC, new BigDecimal("100")))
                .reason());
        stub.orderAnswerDelayMs = 1_000;
        exchange.execution().placeOrder(OrderRequest.buy("bn-k-3", BTC, new BigDecimal("100")));
        stub.orderAnswerDelayMs = 0;
        for (int i = 0; i < 3; i++) {
            stub.failNext("/api/v3/account", new BinanceStub.Fault(500, 0, "oops"));
        }
        try {
            exchange.execution().balances();
        } catch (ExchangeException e) {
            seen.add(e.getMessage());
        }
        exchange.execution().balances();

        for (ILoggingEvent e : captured.list) {
            seen.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                seen.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
        }
        alerts.alerts.forEach(a -> seen.add(a.text() + " " + a.data()));
        assertThat(seen).hasSizeGreaterThan(5);
        assertThat(String.join("\n", seen)).doesNotContain(StubConfigs.KEYS.get("BYNINJA_EXCHANGE_API_KEY"),
                StubConfigs.KEYS.get("BYNINJA_EXCHANGE_API_SECRET"));
        // The key did reach Binance, in its header.
        assertThat(stub.requests("POST", "/api/v3/order")).isNotEmpty().allSatisfy(r -> assertThat(r.apiKey())
                .isEqualTo(StubConfigs.KEYS.get("BYNINJA_EXCHANGE_API_KEY")));
    }
}
