package com.byninja.bot.exchange.xchange;

import com.byninja.bot.domain.ExecutionReport.Refusal;
import com.byninja.bot.exchange.ExchangeException.Kind;
import com.byninja.bot.exchange.ExchangeException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchange.binance.dto.BinanceException;
import org.knowm.xchange.exceptions.ExchangeSecurityException;
import org.knowm.xchange.exceptions.FundsExceededException;
import org.knowm.xchange.exceptions.RateLimitExceededException;
import si.mazi.rescu.HttpResponseAware;
import si.mazi.rescu.HttpStatusException;

/**
 * The error adapter: XChange and Binance errors to what the bot decides on. An order the exchange refused is a
 * business answer (a rejected report, with the reason a person reads); a rate limit means nothing was executed and
 * says how long to wait; anything else that failed on the way (network, timeout, server error) leaves an order's
 * outcome unknown. Messages never carry keys, signatures or URLs.
 */
final class XChangeErrors {

    /** Binance: the order does not exist. */
    static final int NO_SUCH_ORDER = -2013;
    private static final int TOO_MANY_REQUESTS = -1003;
    private static final int TOO_MANY_ORDERS = -1015;
    private static final int NEW_ORDER_REJECTED = -2010;
    private static final int MAX_MESSAGE = 200;

    private XChangeErrors() {
    }

    /** @return the Binance error code of {@code e}, or empty when it is not a Binance error. */
    static Optional<Integer> binanceCode(Throwable e) {
        return e instanceof BinanceException b ? Optional.of(b.getCode()) : Optional.empty();
    }

    /**
     * @param e an error from placing an order
     * @return the reason the exchange refused the order, when it is a business refusal (nothing executed, asking
     *         again would not help); empty otherwise
     */
    static Optional<Refused> orderRefusal(Throwable e) {
        if (e instanceof FundsExceededException) {
            return Optional.of(new Refused(Refusal.INSUFFICIENT_BALANCE, "insufficient funds: " + message(e)));
        }
        if (!(e instanceof BinanceException b) || isRateLimit(e) || httpStatus(e) >= 500) {
            return Optional.empty();
        }
        int code = b.getCode();
        String words = message(e);
        if (code == NEW_ORDER_REJECTED) {
            return Optional.of(words.toLowerCase(java.util.Locale.ROOT).contains("insufficient")
                    ? new Refused(Refusal.INSUFFICIENT_BALANCE, "insufficient funds: " + words)
                    : new Refused(Refusal.OTHER, "order refused: " + words));
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

    /** A business refusal of an order: what kind, and Binance's words. */
    record Refused(Refusal refusal, String reason) {
    }

    /**
     * @param what the call, such as {@code "ticker BTC/USDT"}
     * @param e    what it threw
     * @return the error as the bot's exception
     */
    static ExchangeException adapt(String what, Throwable e) {
        if (e instanceof ExchangeException ours) {
            return ours;
        }
        String text = what + " failed: " + message(e);
        if (e instanceof IllegalArgumentException) {
            return new ExchangeException(Kind.REFUSED, text, e, 0);
        }
        if (isRateLimit(e)) {
            return new ExchangeException(Kind.RATE_LIMITED, text, e, retryAfterMs(e));
        }
        if (e instanceof ExchangeSecurityException || e instanceof BinanceException b && isAuthCode(b.getCode())) {
            return new ExchangeException(Kind.REFUSED, text, e, 0);
        }
        int status = httpStatus(e);
        if (status >= 400 && status < 500) {
            return new ExchangeException(Kind.REFUSED, text, e, 0);
        }
        return new ExchangeException(Kind.UNAVAILABLE, text, e, 0);
    }

    private static boolean isAuthCode(int code) {
        return code == -1021 || code == -1022 || code == -2014 || code == -2015;
    }

    static boolean isRateLimit(Throwable e) {
        if (e instanceof RateLimitExceededException) {
            return true;
        }
        int status = httpStatus(e);
        if (status == 429 || status == 418) {
            return true;
        }
        return e instanceof BinanceException b && (b.getCode() == TOO_MANY_REQUESTS || b.getCode() == TOO_MANY_ORDERS);
    }

    private static int httpStatus(Throwable e) {
        return e instanceof HttpStatusException h ? h.getHttpStatusCode() : 0;
    }

    /** @return the Retry-After header in milliseconds, 0 when absent or unreadable. */
    static long retryAfterMs(Throwable e) {
        if (!(e instanceof HttpResponseAware aware) || aware.getResponseHeaders() == null) {
            return 0;
        }
        for (Map.Entry<String, List<String>> h : aware.getResponseHeaders().entrySet()) {
            if (h.getKey() != null && h.getKey().equalsIgnoreCase("Retry-After") && h.getValue() != null
                    && !h.getValue().isEmpty()) {
                try {
                    return Math.max(0, Long.parseLong(h.getValue().get(0).trim()) * 1000);
                } catch (NumberFormatException ignored) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /**
     * @param e an error of a call
     * @return why the exchange could not be reached at all, as a person says it ({@code unknown host api.binance.com},
     *         {@code connection refused}, {@code connect timed out}); empty when it answered or failed otherwise
     */
    static Optional<String> unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.UnknownHostException) {
                return Optional.of("unknown host " + t.getMessage());
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.NoRouteToHostException
                    || t instanceof java.net.SocketTimeoutException) {
                String words = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
                return Optional.of(words.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + words.substring(1));
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return Optional.of("the secure connection failed: " + t.getMessage());
            }
        }
        return Optional.empty();
    }

    /** @return a short message without URLs or query strings, which may carry signatures. */
    static String message(Throwable e) {
        String m = e.getMessage();
        if (e instanceof BinanceException b) {
            m = b.getMessage();
        } else if (e instanceof IOException && !(e instanceof HttpStatusException)) {
            m = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        }
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        m = m.replaceAll("https?://\\S+", "<url>").replaceAll("signature=\\w+", "signature=<hidden>");
        return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "..." : m;
    }
}
