package com.byninja.bot.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.Exchanges;
import com.byninja.bot.RecordingAlerts;
import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.Exchange;
import com.byninja.bot.store.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paper orders on the Binance stub's prices, filled in the paper wallet under Binance's tick and step. */
class BinancePaperExecutionTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");

    @TempDir
    Path dir;
    BinanceStub stub;
    Database db;

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

    @Test
    void slippageUnderHalfATickStillFillsBuysAboveAndSellsBelowThePrice() throws Exception {
        Exchange exchange = Exchanges.open(StubConfigs.paper(dir, stub, """
                simulator:
                  slippagePct: 0.05
                """), db, Clock.systemUTC(), new RecordingAlerts());
        stub.prices.put("BTCUSDT", new BigDecimal("1.00"));

        ExecutionReport bought = exchange.execution().placeOrder(
                OrderRequest.buy("p-1", BTC, new BigDecimal("100")));
        ExecutionReport sold = exchange.execution().placeOrder(
                OrderRequest.sell("p-2", BTC, bought.filledQuantity()));

        // 1.00 * 1.0005 = 1.0005, up to Binance's 0.01 tick: 1.01; 100 / 1.01 = 99.0099.. down to the 0.00001
        // step: 99.00990, costing 99.00990 * 1.01 = 99.999999
        assertThat(bought.averagePrice()).isEqualByComparingTo("1.01");
        assertThat(bought.filledQuantity()).isEqualByComparingTo("99.00990");
        assertThat(bought.quoteQuantity()).isEqualByComparingTo("99.999999");
        // 1.00 * 0.9995 = 0.9995, down to the tick: 0.99; 99.00990 * 0.99 = 98.019801
        assertThat(sold.averagePrice()).isEqualByComparingTo("0.99");
        assertThat(sold.quoteQuantity()).isEqualByComparingTo("98.019801");
        assertThat(stub.requests("POST", "/api/v3/order")).isEmpty();
    }
}
