package com.byninja.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A resting order booked as it filled has a row per slice ({@code <id>/1}, {@code <id>/2}) besides its own; the parity
 * replay makes it once, as it was made, so it is applied once: a limit {@code /forcebuy} of 100 USDT filled in three
 * parts is one forcebuy of 100 USDT in the replay, not four buys.
 */
class ParitySlicesTest {

    private static final Symbol BTC = Symbol.parse("BTC/USDT");
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void anOrderBookedInSlicesIsAppliedOnceAsItWasMade() throws Exception {
        Order buy = Order.newOrder(OrderRequest.limitBuy("bn-1", BTC, new BigDecimal("100"), new BigDecimal("50000"),
                false), Purpose.FORCE_BUY, T0);
        Order sell = Order.newOrder(OrderRequest.sell("bn-2", BTC, new BigDecimal("0.002")), Purpose.FORCE_SELL,
                T0.plusSeconds(600));
        // The rows as the store lists them, FILLED ones first: the slices, the sell, then the buy's own row, which
        // ended when the rest was cancelled at its timeout.
        Order ended = buy.finishedWithout(OrderStatus.PARTIALLY_FILLED, "cancelled at its timeout",
                T0.plusSeconds(60));
        List<Order> rows = List.of(slice(buy, 1, "0.0006"), slice(buy, 2, "0.0008"), sell, ended);
        List<String> lookedUp = new ArrayList<>();

        List<Order> executed = LiveParity.executed(rows, id -> {
            lookedUp.add(id);
            return Optional.empty();
        });

        assertThat(executed).containsExactly(ended, sell);
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void theSlicesOfAnOrderStillRestingStandForTheOrderReadFromTheStore() throws Exception {
        Order buy = Order.newOrder(OrderRequest.limitBuy("bn-7", BTC, new BigDecimal("100"), new BigDecimal("50000"),
                false), Purpose.FORCE_BUY, T0);

        List<Order> executed = LiveParity.executed(List.of(slice(buy, 1, "0.0006"), slice(buy, 2, "0.0004")),
                id -> id.equals("bn-7") ? Optional.of(buy) : Optional.empty());

        assertThat(executed).containsExactly(buy);
    }

    private static Order slice(Order o, int n, String quantity) {
        BigDecimal q = new BigDecimal(quantity);
        return o.slice(n, q, q.multiply(new BigDecimal("50000")), List.of(), T0.plusSeconds(10L * n));
    }
}
