package com.byninja.bot.exchange.xchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.config.BotConfig.ExchangeSettings;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.binance.BinanceStub;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An exchange named by its XChange class, through XChange's generic API only (its own start-up metadata, generic
 * tickers and candles). Binance's class serves here, against the stub, as the module at hand.
 */
class GenericClientTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");

    BinanceStub stub;
    GenericClient client;

    @BeforeEach
    void start() throws Exception {
        stub = new BinanceStub();
        client = new GenericClient(new ExchangeSettings("org.knowm.xchange.binance.BinanceExchange", "paper",
                stub.baseUrl(), 1000, 2000, 0, 1000, 3, 0, null, null));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void xchangeLoadsTheMetadataAtStartAndTheRulesComeFromIt() throws Exception {
        assertThat(stub.requests("GET", "/api/v3/exchangeInfo")).hasSize(1);
        assertThat(client.name()).isEqualTo("binance");

        Map<Symbol, MarketRules> rules = client.rules(List.of(BTC, new Symbol("XRP", "USDT")));

        assertThat(rules).containsOnlyKeys(BTC);
        assertThat(rules.get(BTC).minQuantity()).isEqualByComparingTo("0.00001");
    }

    @Test
    void theGenericTickerGivesTheLastPrice() throws Exception {
        stub.prices.put("BTCUSDT", new BigDecimal("61000.5"));

        assertThat(client.lastPrice(BTC)).isEqualByComparingTo("61000.5");
        assertThat(stub.requests("GET", "/api/v3/ticker/24hr")).singleElement()
                .satisfies(r -> assertThat(r.params()).containsEntry("symbol", "BTCUSDT"));
    }

    @Test
    void anExchangeWhoseGenericApiHasNoCandlesGivesNoHistorySoCandlesAreBuiltFromPrices() throws Exception {
        // XChange 5.2.4 does not implement generic candles for Binance: that is why BinanceClient calls klines.
        assertThat(client.candleName(Duration.ofMinutes(1))).isEmpty();
        assertThat(client.candles(BTC, Duration.ofMinutes(1), null, 10, Instant.now())).isEmpty();
        assertThat(stub.requests("GET", "/api/v3/klines")).isEmpty();
    }
}
