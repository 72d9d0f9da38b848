package com.byninja.bot;

import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.Fee;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Execution reports for tests, written the way a person reads a fill: quantity, price, fee. */
public final class Reports {

    private Reports() {
    }

    /**
     * @return a full fill of {@code quantity} at {@code price} (so a quote amount of their product), with a fee of
     *         {@code fee} in {@code feeCurrency}, or no fee when it is zero
     */
    public static ExecutionReport filled(String clientOrderId, String exchangeOrderId, String quantity, String price,
                                         String fee, String feeCurrency, Instant at) {
        BigDecimal q = new BigDecimal(quantity);
        BigDecimal f = new BigDecimal(fee);
        return ExecutionReport.executed(clientOrderId, exchangeOrderId, ExecutionReport.Status.FILLED, q,
                q.multiply(new BigDecimal(price)), f.signum() == 0 ? List.of() : List.of(new Fee(f, feeCurrency)), at);
    }
}
