package com.byninja.bot.positions;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.Reports;
import com.byninja.bot.domain.FillOutcome;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Purpose;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PositionBookTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    final PositionBook book = new PositionBook();

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static Order filled(String id, OrderRequest.Side side, String qty, String price, String fee, String feeCurrency,
                        Purpose purpose) {
        OrderRequest request = side == OrderRequest.Side.BUY ? OrderRequest.buy(id, BTC, d(qty).multiply(d(price)))
                : OrderRequest.sell(id, BTC, d(qty));
        return Order.newOrder(request, purpose, T0).withReport(Reports.filled(id, "x-" + id, qty, price, fee,
                feeCurrency, T0.plusSeconds(60)));
    }

    @Test
    void aRoundTripRealisesProceedsMinusCostMinusBothFees() {
        // buy 0.5 BTC at 20000: cost 10000, fee 10 (0.1 %); sell at 21000: proceeds 10500, fee 10.5
        // PnL = 10500 - 10.5 - 10000 - 10 = 479.5
        book.apply(filled("b1", OrderRequest.Side.BUY, "0.5", "20000", "10", "USDT", Purpose.ENTRY));

        FillOutcome out = book.apply(filled("s1", OrderRequest.Side.SELL, "0.5", "21000", "10.5", "USDT",
                Purpose.TAKE_PROFIT));

        assertThat(out.closed()).isTrue();
        assertThat(out.closedTrade().realisedPnl()).isEqualByComparingTo("479.5");
        assertThat(out.closedTrade().fees()).isEqualByComparingTo("20.5");
        assertThat(out.closedTrade().exitPurpose()).isEqualTo(Purpose.TAKE_PROFIT);
        assertThat(book.openCount()).isZero();
    }

    @Test
    void addingToAPositionAveragesTheEntryPrice() {
        // 1 at 100 and 3 at 120: cost 100 + 360 = 460 for 4, average 115
        book.apply(filled("b1", OrderRequest.Side.BUY, "1", "100", "0.1", "USDT", Purpose.ENTRY));
        book.apply(filled("b2", OrderRequest.Side.BUY, "3", "120", "0.36", "USDT", Purpose.FORCE_BUY));

        Position p = book.get(BTC).orElseThrow();
        assertThat(p.quantity()).isEqualByComparingTo("4");
        assertThat(p.averageEntryPrice()).isEqualByComparingTo("115");
        assertThat(p.entryFees()).isEqualByComparingTo("0.46");
        assertThat(p.costBasis()).isEqualByComparingTo("460.46");
    }

    @Test
    void unrealisedPnlIsMarketValueMinusCostBasisIncludingEntryFees() {
        book.apply(filled("b1", OrderRequest.Side.BUY, "2", "50", "0.1", "USDT", Purpose.ENTRY));

        // 2 * 49 - (100 + 0.1) = -2.1
        assertThat(book.get(BTC).orElseThrow().unrealisedPnl(d("49"), BigDecimal.ZERO)).isEqualByComparingTo("-2.1");
    }

    @Test
    void aLosingRoundTripHasNegativePnl() {
        // buy 0.00166583 at 60030 = 99.9997749, fee 0.09999978; sell at 58800 = 97.950804, fee 0.09795081
        // PnL = 97.950804 - 0.09795081 - 99.9997749 - 0.09999978 = -2.24692149
        book.apply(filled("b1", OrderRequest.Side.BUY, "0.00166583", "60030", "0.09999978", "USDT", Purpose.ENTRY));

        var out = book.apply(filled("s1", OrderRequest.Side.SELL, "0.00166583", "58800", "0.09795081", "USDT",
                Purpose.STOP_LOSS));

        assertThat(out.closedTrade().realisedPnl()).isEqualByComparingTo("-2.24692149");
        assertThat(out.closedTrade().isWin()).isFalse();
    }

    @Test
    void aPartialSellRealisesItsShareOfCostAndFees() {
        // 2 at 100, fee 0.2; sell 0.5 at 110, fee 0.055
        // share of cost 50, of fees 0.05; PnL = 55 - 0.055 - 50 - 0.05 = 4.895
        book.apply(filled("b1", OrderRequest.Side.BUY, "2", "100", "0.2", "USDT", Purpose.ENTRY));

        var out = book.apply(filled("s1", OrderRequest.Side.SELL, "0.5", "110", "0.055", "USDT", Purpose.FORCE_SELL));

        assertThat(out.closed()).isFalse();
        assertThat(out.closedTrade().realisedPnl()).isEqualByComparingTo("4.895");
        Position rest = book.get(BTC).orElseThrow();
        assertThat(rest.quantity()).isEqualByComparingTo("1.5");
        assertThat(rest.entryCost()).isEqualByComparingTo("150");
        assertThat(rest.entryFees()).isEqualByComparingTo("0.15");
    }

    @Test
    void aFeeTakenInTheBaseCurrencyReducesTheQuantityAndCountsAtTheFillPrice() {
        // bought 1 BTC at 100 with 0.001 BTC fee: holds 0.999, fee worth 0.1 USDT
        book.apply(filled("b1", OrderRequest.Side.BUY, "1", "100", "0.001", "BTC", Purpose.ENTRY));

        Position p = book.get(BTC).orElseThrow();
        assertThat(p.quantity()).isEqualByComparingTo("0.999");
        assertThat(p.entryFees()).isEqualByComparingTo("0.1");
    }

    @Test
    void theHighWaterMarkOnlyRises() {
        book.apply(filled("b1", OrderRequest.Side.BUY, "1", "100", "0", "USDT", Purpose.ENTRY));

        assertThat(book.markPrice(BTC, d("105"))).isTrue();
        assertThat(book.markPrice(BTC, d("101"))).isFalse();
        assertThat(book.get(BTC).orElseThrow().highestPrice()).isEqualByComparingTo("105");
    }

    @Test
    void aSellLeavingLessThanTheExchangesStepClosesThePositionAndLeavesTheDustOnTheAccount() {
        // Binance took the buy's fee in BTC: 0.00166 - 0.00000166 = 0.00165834 held; a sell rounded down to the
        // 0.00001 step sells 0.00165, and the 0.00000834 left could never be sold on its own.
        PositionBook stepped = new PositionBook(s -> d("0.00001"));
        stepped.apply(filled("b1", OrderRequest.Side.BUY, "0.00166", "60000", "0.00000166", "BTC", Purpose.ENTRY));
        assertThat(stepped.get(BTC).orElseThrow().quantity()).isEqualByComparingTo("0.00165834");

        FillOutcome out = stepped.apply(filled("s1", OrderRequest.Side.SELL, "0.00165", "61000", "0.100650",
                "USDT", Purpose.EXIT));

        assertThat(out.closed()).isTrue();
        assertThat(stepped.openCount()).isZero();
        // proceeds 0.00165 * 61000 = 100.65, less its fee 0.10065, less the whole entry of 99.6 (0.00165834 * 60000 =
        // 99.5004, plus the fee of 0.00000166 BTC = 0.0996): 0.94935
        assertThat(out.closedTrade().realisedPnl()).isEqualByComparingTo("0.94935");
    }

    @Test
    void aSellLeavingAtLeastOneStepKeepsTheRestOpen() {
        PositionBook stepped = new PositionBook(s -> d("0.00001"));
        stepped.apply(filled("b1", OrderRequest.Side.BUY, "0.002", "60000", "0", "USDT", Purpose.ENTRY));

        FillOutcome out = stepped.apply(filled("s1", OrderRequest.Side.SELL, "0.00199", "60000", "0",
                "USDT", Purpose.EXIT));

        assertThat(out.closed()).isFalse();
        assertThat(stepped.get(BTC).orElseThrow().quantity()).isEqualByComparingTo("0.00001");
    }
}
