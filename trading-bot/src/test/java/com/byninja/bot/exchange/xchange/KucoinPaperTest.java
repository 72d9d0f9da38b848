package com.byninja.bot.exchange.xchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.Exchanges;
import com.byninja.bot.RecordingAlerts;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.config.ConfigLoader;
import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.Exchange;
import com.byninja.bot.store.Database;
import com.sun.net.httpserver.HttpServer;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real xchange-kucoin module, named by its class, against a local stub of KuCoin's public API: XChange's own
 * start-up (symbols, currencies), the generic ticker, rules from XChange's metadata, and paper fills.
 */
class KucoinPaperTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");

    @TempDir
    Path dir;
    HttpServer kucoin;
    final List<String> requests = new CopyOnWriteArrayList<>();
    Database db;

    @BeforeEach
    void start() throws Exception {
        kucoin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        kucoin.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            requests.add(path + (ex.getRequestURI().getQuery() == null ? "" : "?" + ex.getRequestURI().getQuery()));
            String body = switch (path) {
                case "/api/v2/symbols" -> "{\"code\":\"200000\",\"data\":[{\"symbol\":\"BTC-USDT\",\"name\":"
                        + "\"BTC-USDT\",\"baseCurrency\":\"BTC\",\"quoteCurrency\":\"USDT\",\"feeCurrency\":\"USDT\","
                        + "\"market\":\"USDS\",\"baseMinSize\":\"0.00001\",\"quoteMinSize\":\"0.1\",\"baseMaxSize\":"
                        + "\"10000000000\",\"quoteMaxSize\":\"99999999\",\"baseIncrement\":\"0.00000001\","
                        + "\"quoteIncrement\":\"0.000001\",\"priceIncrement\":\"0.1\",\"priceLimitRate\":\"0.1\","
                        + "\"minFunds\":\"0.1\",\"isMarginEnabled\":true,\"enableTrading\":true}]}";
                case "/api/v3/currencies" -> "{\"code\":\"200000\",\"data\":[{\"currency\":\"BTC\",\"name\":\"BTC\","
                        + "\"fullName\":\"Bitcoin\",\"precision\":8},{\"currency\":\"USDT\",\"name\":\"USDT\","
                        + "\"fullName\":\"Tether\",\"precision\":8}]}";
                case "/api/v1/market/stats" -> "{\"code\":\"200000\",\"data\":{\"time\":" + System.currentTimeMillis()
                        + ",\"symbol\":\"BTC-USDT\",\"buy\":\"59999.9\",\"sell\":\"60000.1\",\"changeRate\":\"0\","
                        + "\"changePrice\":\"0\",\"high\":\"61000\",\"low\":\"59000\",\"vol\":\"10\",\"volValue\":"
                        + "\"600000\",\"last\":\"60000\",\"averagePrice\":\"60000\"}}";
                default -> "{\"code\":\"400100\",\"msg\":\"not in the stub\"}";
            };
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        kucoin.start();
        db = Database.open(dir.resolve("test.db"));
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
        kucoin.stop(0);
    }

    @Test
    void paperTradingOnKucoinPricesWithItsMetadataAndNoCandleHistory() throws Exception {
        BotConfig config = new ConfigLoader(Map.of()).loadYaml("""
                symbols: [BTC/USDT]
                exchange:
                  type: org.knowm.xchange.kucoin.KucoinExchange
                  baseUrl: http://127.0.0.1:%d
                link:
                  enabled: false
                """.formatted(kucoin.getAddress().getPort()), "test").config();
        assertThat(config.databaseFile().getFileName().toString()).isEqualTo("ninja-kucoin-paper.db");

        Exchange exchange = Exchanges.open(config, db, Clock.systemUTC(), new RecordingAlerts());

        assertThat(requests).containsExactly("/api/v2/symbols", "/api/v3/currencies");
        assertThat(exchange.marketData().exchangeName()).isEqualTo("kucoin");
        assertThat(exchange.rules().get(BTC).minQuantity()).isEqualByComparingTo("0.00001");
        assertThat(exchange.rules().get(BTC).quantityStep()).isEqualByComparingTo("0.00000001");
        assertThat(exchange.rules().get(BTC).minNotional()).isEqualByComparingTo("0.1");
        assertThat(exchange.marketData().ticker(BTC).price()).isEqualByComparingTo("60000");
        assertThat(exchange.marketData().history(BTC, Duration.ofMinutes(1), 10)).isEmpty();

        ExecutionReport fill = exchange.execution().placeOrder(
                OrderRequest.buy("bn-kc-1", BTC, new BigDecimal("100")));
        // 60000 + 0.05 % = 60030 (tick 0.1); 100 / 60030 to the 0.00000001 step = 0.00166583
        assertThat(fill.status()).isEqualTo(ExecutionReport.Status.FILLED);
        assertThat(fill.averagePrice()).isEqualByComparingTo("60030");
        assertThat(fill.filledQuantity()).isEqualByComparingTo("0.00166583");
    }
}
