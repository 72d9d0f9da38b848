package com.byninja.bot.exchange.binance;

import com.byninja.bot.domain.ExecutionReport.Refusal;
import com.byninja.bot.exchange.xchange.XChangeErrors;
import com.byninja.bot.exchange.xchange.XChangeErrors.Refused;
import java.util.Locale;
import java.util.Optional;
import org.knowm.xchange.binance.dto.BinanceException;

/** Binance's own error codes: its rate limits, its refusals of keys and signatures, and its refusals of orders. */
final class BinanceErrors implements XChangeErrors.Codes {

    /** Binance: the order does not exist. */
    static final int NO_SUCH_ORDER = -2013;
    /**
     * Binance: a cancel refused, "Unknown order sent." both for an order it never had and for one that is no longer
     * open (filled, cancelled, expired).
     */
    static final int CANCEL_REJECTED = -2011;
    private static final int TOO_MANY_REQUESTS = -1003;
    private static final int TOO_MANY_ORDERS = -1015;
    private static final int NEW_ORDER_REJECTED = -2010;

    @Override
    public boolean rateLimited(Throwable e) {
        return e instanceof BinanceException b && (b.getCode() == TOO_MANY_REQUESTS || b.getCode() == TOO_MANY_ORDERS);
    }

    @Override
    public boolean authRefused(Throwable e) {
        if (!(e instanceof BinanceException b)) {
            return false;
        }
        int code = b.getCode();
        return code == -1021 || code == -1022 || code == -2014 || code == -2015;
    }

    @Override
    public Optional<Refused> orderRefusal(Throwable e) {
        if (!(e instanceof BinanceException b)) {
            return Optional.empty();
        }
        int code = b.getCode();
        String words = XChangeErrors.message(e);
        if (code == NEW_ORDER_REJECTED) {
            return Optional.of(newOrderRejected(words));
        }
        if (code == -1013 || code == -1111 || code <= -1100 && code >= -1199) {
            return Optional.of(new Refused(Refusal.BELOW_EXCHANGE_MINIMUM,
                    "invalid order (size, precision or parameters): " + words));
        }
        if (code <= -2000 && code != NO_SUCH_ORDER) {
            return Optional.of(new Refused(Refusal.OTHER, "order refused: " + words));
        }
        return Optional.empty();
    }

    /**
     * -2010 says several things by its words alone. Binance's list writes "Order would trigger immediately." for a
     * stop the last price has already passed; both orders of the words are read, as the wording has varied.
     */
    private static Refused newOrderRejected(String words) {
        String lower = words.toLowerCase(Locale.ROOT);
        if (lower.contains("insufficient")) {
            return new Refused(Refusal.INSUFFICIENT_BALANCE, "insufficient funds: " + words);
        }
        if (lower.contains("would trigger immediately") || lower.contains("would immediately trigger")) {
            return new Refused(Refusal.WOULD_TRIGGER_IMMEDIATELY, "the stop would trigger at once: " + words);
        }
        if (lower.contains("would immediately match and take")) {
            return new Refused(Refusal.WOULD_TAKE, "the post-only order would execute at once: " + words);
        }
        return new Refused(Refusal.OTHER, "order refused: " + words);
    }
}
