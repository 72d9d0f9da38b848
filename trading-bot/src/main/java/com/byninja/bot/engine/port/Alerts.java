package com.byninja.bot.engine.port;

import com.byninja.bot.domain.Alert;

/**
 * Trade and risk events for the people watching: positions opened and closed, stops hit, limits tripped, trading
 * started and stopped, exchange trouble. Implementations never block and keep alerts while the link is down.
 */
@FunctionalInterface
public interface Alerts {

    /** Raises {@code alert}. */
    void raise(Alert alert);
}
