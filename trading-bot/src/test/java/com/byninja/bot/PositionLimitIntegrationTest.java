package com.byninja.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.store.Database;
import com.byninja.bot.store.TradingStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bot on the simulator, four symbols whose strategy wants to buy on every 200 ms candle, and room for one
 * position: at no time is more than one position open or one entry on its way, whichever symbol signals.
 */
class PositionLimitIntegrationTest {

    @TempDir
    Path dir;

    BotConfig config() {
        return TestConfigs.config(dir, """
                name: limits
                symbols: [BTC/USDT, ETH/USDT, SOL/USDT, XRP/USDT]
                timeframe: 200ms
                marketData:
                  pollIntervalMs: 20
                  warmupBars: 10
                  staleAfterMs: 2000
                strategy:
                  name: rsi
                  rsi:
                    period: 2
                    oversold: 99.99
                    overbought: 100
                risk:
                  maxOpenPositions: 1
                  stopLossPct: 0.3
                  takeProfitPct: 0.3
                engine:
                  checkIntervalMs: 20
                simulator:
                  tickIntervalMs: 20
                  defaultMarket:
                    volatilityPct: 3000
                  markets:
                    BTC/USDT:
                      volatilityPct: 3000
                    ETH/USDT:
                      volatilityPct: 3000
                link:
                  enabled: false
                """);
    }

    /** An entry's life: from its order to the close of the position it opened, or to its refusal. */
    record Span(Order entry, Instant start, Instant end) {
    }

    @Test
    void manySymbolsSignallingTogetherNeverHoldMoreThanMaxOpenPositionsOrPendingEntries() throws Exception {
        BotConfig config = config();
        try (TradingBot bot = TradingBot.start(config, Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250))
                    .until(() -> closedTrades(config) >= 5);
            assertThat(bot.engine().errors()).isZero();
        }

        try (Database db = Database.open(config.databaseFile())) {
            TradingStore store = new TradingStore(db);
            List<ClosedTrade> trades = store.closedTrades(null, null);
            List<Span> spans = new ArrayList<>();
            List<Order> entries = new ArrayList<>();
            for (OrderStatus status : OrderStatus.values()) {
                store.ordersWithStatus(status).stream().filter(o -> o.purpose() == Purpose.ENTRY).forEach(entries::add);
            }
            entries.sort(Comparator.comparing(Order::createdAt));
            for (Order e : entries) {
                Instant end = e.status() == OrderStatus.NEW ? Instant.MAX : e.updatedAt();
                if (e.hasFill()) {
                    Optional<ClosedTrade> closed = trades.stream().filter(t -> t.symbol().equals(e.symbol())
                            && t.openedAt().equals(e.updatedAt())).findFirst();
                    end = closed.map(ClosedTrade::closedAt).orElse(Instant.MAX);
                }
                spans.add(new Span(e, e.createdAt(), end));
            }
            assertThat(entries).hasSizeGreaterThanOrEqualTo(5);
            assertThat(entries.stream().map(Order::symbol).distinct().count()).isGreaterThan(1);
            for (int i = 1; i < spans.size(); i++) {
                Span before = spans.get(i - 1);
                Span next = spans.get(i);
                assertThat(next.start()).as("entry %s on %s made while %s on %s was still open or waiting",
                        next.entry().clientOrderId(), next.entry().symbol(), before.entry().clientOrderId(),
                        before.entry().symbol()).isAfterOrEqualTo(before.end());
            }
        }
    }

    /** Reads the running bot's database beside it, as a second SQLite reader. */
    private static int closedTrades(BotConfig config) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + config.databaseFile());
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM trades")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
