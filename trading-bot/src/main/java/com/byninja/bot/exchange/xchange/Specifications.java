package com.byninja.bot.exchange.xchange;

import com.byninja.bot.config.BotConfig.ExchangeSettings;
import java.net.URI;
import org.knowm.xchange.ExchangeSpecification;

/** How the bot sets up every XChange exchange it opens: keys, address, timeouts, and no retries of XChange's own. */
public final class Specifications {
    private Specifications() {
    }

    /**
     * Clears the keys (live execution sets its own), points {@code spec} at {@code exchange.baseUrl} when one is
     * configured, sets the HTTP timeouts, and turns XChange's retries and rate limiter off: the bot decides what is
     * retried, since an order placement must never be retried blindly.
     */
    public static void apply(ExchangeSpecification spec, ExchangeSettings settings) {
        spec.setApiKey(null);
        spec.setSecretKey(null);
        if (!settings.baseUrl().isEmpty()) {
            URI uri = URI.create(settings.baseUrl());
            spec.setSslUri(settings.baseUrl().replaceAll("/+$", ""));
            spec.setHost(uri.getHost());
            spec.setPort(uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80);
        }
        spec.setHttpConnTimeout(settings.connectTimeoutMs());
        spec.setHttpReadTimeout(settings.readTimeoutMs());
        spec.getResilience().setRetryEnabled(false);
        spec.getResilience().setRateLimiterEnabled(false);
    }
}
