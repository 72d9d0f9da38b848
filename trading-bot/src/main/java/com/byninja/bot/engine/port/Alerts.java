package com.byninja.bot.engine.port;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Trade and risk events for the people watching: positions opened and closed, stops hit, limits tripped, trading
 * started and stopped, exchange trouble. Implementations never block and keep alerts while the link is down.
 */
@FunctionalInterface
public interface Alerts {

    /**
     * @param text   readable text
     * @param symbol the symbol concerned, or null
     * @param data   the same facts, structured; {@code data.event} names the kind of alert
     */
    void alert(String text, String symbol, ObjectNode data);
}
