package com.byninja.bot.exchange.xchange;

import com.byninja.bot.domain.ExecutionReport.Refusal;
import com.byninja.bot.exchange.ExchangeException.Kind;
import com.byninja.bot.exchange.ExchangeException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchange.exceptions.ExchangeSecurityException;
import org.knowm.xchange.exceptions.FundsExceededException;
import org.knowm.xchange.exceptions.RateLimitExceededException;
import si.mazi.rescu.HttpResponseAware;
import si.mazi.rescu.HttpStatusException;

/**
 * The error adapter: XChange's errors to what the bot decides on, from XChange's exception types, HTTP statuses and
 * the exchange's own error codes ({@link Codes}, where the bot reads them). An order the exchange refused is a
 * business answer (a rejected report, with the reason a person reads); a rate limit means nothing was executed and
 * says how long to wait; anything else that failed on the way (network, timeout, server error) leaves an order's
 * outcome unknown. Messages never carry keys, signatures or URLs.
 */
public final class XChangeErrors {

    /** What an exchange's own error codes say beyond XChange's exception types and HTTP statuses; none by default. */
    public interface Codes {

        /** For an exchange whose own codes the bot does not read. */
        Codes NONE = new Codes() {
        };

        /** @return whether {@code e} carries the exchange's own code for too many requests or orders. */
        default boolean rateLimited(Throwable e) {
            return false;
        }

        /** @return whether {@code e} carries the exchange's own code for refused keys, signature or timestamp. */
        default boolean authRefused(Throwable e) {
            return false;
        }

        /**
         * Asked only of errors that are neither a rate limit nor a server error.
         *
         * @param e an error from placing an order
         * @return the business refusal {@code e} carries by its code (nothing executed, asking again would not help);
         *         empty otherwise
         */
        default Optional<Refused> orderRefusal(Throwable e) {
            return Optional.empty();
        }
    }

    /** A business refusal of an order: what kind, and the exchange's words. */
    public record Refused(Refusal refusal, String reason) {
    }

    private static final int MAX_MESSAGE = 200;

    private final Codes codes;

    /** @param codes what the exchange's own error codes say */
    XChangeErrors(Codes codes) {
        this.codes = codes;
    }

    /**
     * @param e an error from placing an order
     * @return the reason the exchange refused the order, when it is a business refusal (nothing executed, asking
     *         again would not help); empty otherwise
     */
    public Optional<Refused> orderRefusal(Throwable e) {
        if (e instanceof FundsExceededException) {
            return Optional.of(new Refused(Refusal.INSUFFICIENT_BALANCE, "insufficient funds: " + message(e)));
        }
        if (isRateLimit(e) || httpStatus(e) >= 500) {
            return Optional.empty();
        }
        return codes.orderRefusal(e);
    }

    /**
     * @param what the call, such as {@code "ticker BTC/USDT"}
     * @param e    what it threw
     * @return the error as the bot's exception
     */
    public ExchangeException adapt(String what, Throwable e) {
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
        if (e instanceof ExchangeSecurityException || codes.authRefused(e)) {
            return new ExchangeException(Kind.REFUSED, text, e, 0);
        }
        int status = httpStatus(e);
        if (status >= 400 && status < 500) {
            return new ExchangeException(Kind.REFUSED, text, e, 0);
        }
        return new ExchangeException(Kind.UNAVAILABLE, text, e, 0);
    }

    private boolean isRateLimit(Throwable e) {
        if (e instanceof RateLimitExceededException) {
            return true;
        }
        int status = httpStatus(e);
        if (status == 429 || status == 418) {
            return true;
        }
        return codes.rateLimited(e);
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
    public static String message(Throwable e) {
        String m = e.getMessage();
        if (e instanceof IOException && !(e instanceof HttpStatusException)) {
            m = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        }
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        m = m.replaceAll("https?://\\S+", "<url>").replaceAll("signature=\\w+", "signature=<hidden>");
        return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "..." : m;
    }
}
