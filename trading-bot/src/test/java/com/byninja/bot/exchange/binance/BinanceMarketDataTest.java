package com.byninja.bot.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.bot.Exchanges;
import com.byninja.bot.RecordingAlerts;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.Exchange;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.store.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real xchange-binance module against a local Binance stub: market data, metadata, rate limits. */
class BinanceMarketDataTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");

    @TempDir
    Path dir;
    BinanceStub stub;
    Database db;
    final RecordingAlerts alerts = new RecordingAlerts();

    @BeforeEach
    void start() throws Exception {
        stub = new BinanceStub();
        db = Database.open(dir.resolve("test.db"));
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
        stub.close();
    }

    Exchange open(String more) throws Exception {
        BotConfig config = StubConfigs.paper(dir, stub, more);
        return Exchanges.open(config, db, Clock.systemUTC(), alerts);
    }

    @Test
    void klinesBecomeClosedCandlesOldestFirst() throws Exception {
        Exchange exchange = open("");
        Instant before = Instant.now();

        List<Candle> candles = exchange.marketData().history(BTC, Duration.ofMinutes(1), 30);

        assertThat(candles).hasSize(30);
        assertThat(candles).allSatisfy(c -> {
            assertThat(c.symbol()).isEqualTo(BTC);
            assertThat(c.period()).isEqualTo(Duration.ofMinutes(1));
            assertThat(c.end()).isBeforeOrEqualTo(Instant.now());
        });
        for (int i = 1; i < candles.size(); i++) {
            assertThat(candles.get(i).start()).isEqualTo(candles.get(i - 1).start().plus(Duration.ofMinutes(1)));
        }
        Candle last = candles.get(29);
        // The stub's closed candles are 60000 + (age in minutes mod 7); the newest closed one is one minute old.
        assertThat(last.close()).isEqualByComparingTo("60001");
        assertThat(last.high()).isEqualByComparingTo("60011");
        assertThat(last.low()).isEqualByComparingTo("59991");
        assertThat(last.open()).isEqualByComparingTo("60000");
        assertThat(last.volume()).isEqualByComparingTo("12.5");
        assertThat(last.end()).isAfter(before.minus(Duration.ofMinutes(1)));
        assertThat(stub.requests("GET", "/api/v3/klines").get(0).params())
                .containsEntry("symbol", "BTCUSDT").containsEntry("interval", "1m").containsEntry("limit", "31");
    }

    @Test
    void aTimeframeBinanceHasNoCandlesForGivesNoHistorySoCandlesAreBuiltFromPrices() throws Exception {
        Exchange exchange = open("");

        assertThat(exchange.marketData().history(BTC, Duration.ofSeconds(3), 30)).isEmpty();
        assertThat(stub.requests("GET", "/api/v3/klines")).isEmpty();
    }

    @Test
    void theTickerIsTheLastPrice() throws Exception {
        Exchange exchange = open("");
        stub.prices.put("BTCUSDT", new BigDecimal("61234.56"));

        assertThat(exchange.marketData().ticker(BTC).price()).isEqualByComparingTo("61234.56");
        assertThat(exchange.marketData().exchangeName()).isEqualTo("binance");
    }

    @Test
    void marketRulesComeFromTheExchangeInfoFilters() throws Exception {
        Exchange exchange = open("");

        MarketRules rules = exchange.rules().get(BTC);
        assertThat(rules.minQuantity()).isEqualByComparingTo("0.00001");
        assertThat(rules.quantityStep()).isEqualByComparingTo("0.00001");
        assertThat(rules.priceTick()).isEqualByComparingTo("0.01");
        assertThat(rules.minNotional()).isEqualByComparingTo("5");
        assertThat(rules.roundQuantity(new BigDecimal("0.123456789"))).isEqualByComparingTo("0.12345");
        assertThat(stub.requests("GET", "/api/v3/exchangeInfo")).hasSize(1);
    }

    @Test
    void aSymbolBinanceDoesNotListIsRefusedAtStart() {
        assertThatThrownBy(() -> open("symbols: [BTC/USDT, DOGE/USDT]"))
                .isInstanceOf(ExchangeException.class)
                .hasMessageContaining("binance does not list DOGE/USDT");
    }

    @Test
    void aRateLimitedReadWaitsAsToldAndIsTriedAgain() throws Exception {
        Exchange exchange = open("");
        stub.failNext("/api/v3/ticker/price", BinanceStub.rateLimit(429, 1));
        stub.failNext("/api/v3/ticker/price", BinanceStub.rateLimit(418, 1));
        long began = System.nanoTime();

        assertThat(exchange.marketData().ticker(BTC).price()).isEqualByComparingTo("60000");

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(stub.requests("GET", "/api/v3/ticker/price")).hasSize(3);
        assertThat(exchange.buyingPaused()).isFalse();
    }

    @Test
    void aRetryAfterLongerThanTheCapFailsAtOnceAsRateLimited() throws Exception {
        Exchange exchange = open("");
        stub.failNext("/api/v3/ticker/price", BinanceStub.rateLimit(418, 120));

        assertThatThrownBy(() -> exchange.marketData().ticker(BTC))
                .isInstanceOfSatisfying(ExchangeException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ExchangeException.Kind.RATE_LIMITED);
                    assertThat(e.retryAfterMs()).isEqualTo(120_000);
                });
        assertThat(stub.requests("GET", "/api/v3/ticker/price")).hasSize(1);
    }

    @Test
    void repeatedFailuresRaiseOneAlertAndPauseBuyingUntilTheExchangeAnswers() throws Exception {
        Exchange exchange = open("");
        for (int i = 0; i < 3; i++) {
            stub.failNext("/api/v3/ticker/price", new BinanceStub.Fault(503, 0, "{\"code\":-1001,\"msg\":\"down\"}"));
        }

        assertThatThrownBy(() -> exchange.marketData().ticker(BTC)).isInstanceOf(ExchangeException.class);
        assertThat(exchange.buyingPaused()).isTrue();
        assertThat(alerts.events()).containsExactly("exchange_failing");

        exchange.marketData().ticker(BTC);
        assertThat(exchange.buyingPaused()).isFalse();
        assertThat(alerts.events()).containsExactly("exchange_failing", "exchange_recovered");
    }
}
