package com.byninja.bot.link;

import static com.byninja.bot.TraderFixture.BTC;
import static com.byninja.bot.TraderFixture.ETH;

import com.byninja.bot.TraderFixture;
import com.byninja.bot.domain.EquitySample;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A few days of a bot's life on a real store, for the money reports: three closed trades, an open position and the
 * equity written each midnight, with figures a person can recompute. The clock ends at 2026-03-01 10:00 UTC, a
 * Sunday, the first day of March, the last day of the ISO week that began on Monday 2026-02-23.
 */
final class History {

    private History() {
    }

    /**
     * <ol>
     *   <li>BTC/USDT, Friday 2026-02-27 09:00 to 11:30: 0.002 bought at 50,000 (100 USDT, fee 0.10), sold at 54,000
     *       (108, fee 0.10): +7.80 USDT, 7.80 / 100.10 = +7.79 % of its cost;</li>
     *   <li>ETH/USDT, Saturday 2026-02-28 12:00 to 13:00: 0.05 bought at 2,000 (100), sold at 1,960 (98): -2.00, -2 %;
     *   </li>
     *   <li>BTC/USDT, Sunday 2026-03-01 08:00 to 09:00: 0.002 at 50,000, sold at 50,500 (101): +1.00, +1 %;</li>
     *   <li>ETH/USDT opened at 10:00, 0.05 at 2,000, priced at 2,010: +0.50 unrealised (no exit fee).</li>
     * </ol>
     * The equity was 10,000 at Friday's midnight, 10,007.80 at Saturday's, 10,005.80 at Sunday's; 10,007.30 now.
     */
    static void threeTradesAndAnOpenPosition(TraderFixture f) throws Exception {
        sample(f, "2026-02-27T00:00:00Z", "10000");
        at(f, "2026-02-27T09:00:00Z");
        f.openPosition(BTC, "0.002", "50000", "0.1");
        at(f, "2026-02-27T11:30:00Z");
        f.closePosition(BTC, "0.002", "54000", "0.1");
        sample(f, "2026-02-28T00:00:00Z", "10007.80");
        at(f, "2026-02-28T12:00:00Z");
        f.openPosition(ETH, "0.05", "2000", "0");
        at(f, "2026-02-28T13:00:00Z");
        f.closePosition(ETH, "0.05", "1960", "0");
        sample(f, "2026-03-01T00:00:00Z", "10005.80");
        at(f, "2026-03-01T08:00:00Z");
        f.openPosition(BTC, "0.002", "50000", "0");
        at(f, "2026-03-01T09:00:00Z");
        f.closePosition(BTC, "0.002", "50500", "0");
        at(f, "2026-03-01T10:00:00Z");
        f.openPosition(ETH, "0.05", "2000", "0");
        f.price(ETH, "2010");
    }

    static void at(TraderFixture f, String instant) {
        f.clock.set(Instant.parse(instant));
    }

    static void sample(TraderFixture f, String at, String equity) throws Exception {
        f.store.saveEquity(new EquitySample(Instant.parse(at), new BigDecimal(equity)));
    }
}
