package com.byninja.bot.engine.port;

import com.byninja.bot.domain.Alert;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Trade and risk events for the people watching: positions opened and closed, stops hit, limits tripped, trading
 * started and stopped, exchange trouble. Implementations never block and keep alerts while the link is down.
 */
@FunctionalInterface
public interface Alerts {

    /**
     * Marks a log line about an event that raised an alert of its own: the line stays in the log, but is not relayed
     * to the chat, which shows the alert already (one message per event, not the alert and its log line).
     */
    Marker ALERTED = MarkerFactory.getMarker("ALERTED");

    /** Raises {@code alert}. */
    void raise(Alert alert);
}
